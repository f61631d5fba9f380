// For tests that call server modules directly (the engine step, the webhook log pruner) against a real
// database: lib/env.ts reads process.env once, at the first import, so the test points the environment
// at its database first and imports those modules dynamically afterwards (each test file runs in its
// own process, so nothing leaks into other files).
export async function importWithDatabase<T>(databaseUrl: string, load: () => Promise<T>): Promise<T> {
  process.env.DATABASE_URL = databaseUrl;
  return load();
}

/** Closes the connections the directly called modules opened (Prisma's, and lib/sql.ts's pool for NOTIFY). */
export async function disconnectInProcessDatabase() {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  const pool = (globalThis as { callboardPgPool?: { end: () => Promise<void> } }).callboardPgPool;
  await pool?.end();
}
