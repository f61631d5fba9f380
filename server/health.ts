// Health: is the database reachable and fully migrated? Used by load balancers and the start script.
import { readdirSync } from "node:fs";
import path from "node:path";
import { db, dialect } from "@/lib/db";
import type { Health } from "@/server/system/schema";

function expectedMigrations(): string[] {
  try {
    return readdirSync(path.join(process.cwd(), "prisma", "migrations", dialect)).filter((f) => /^\d/.test(f));
  } catch {
    return [];
  }
}

export async function checkHealth(): Promise<{ ready: boolean; body: Health }> {
  const expected = expectedMigrations();
  let applied: string[] = [];
  try {
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    applied = rows.map((r) => r.migration_name);
  } catch {
    // No migrations table yet, or the database is unreachable: both mean "not ready".
  }
  const pending = expected.filter((m) => !applied.includes(m));
  const ready = expected.length > 0 && pending.length === 0;
  return {
    ready,
    body: {
      status: ready ? "ok" : "unavailable",
      database: dialect,
      migrations: { applied: applied.length, pending: pending.length, latest: applied.sort().at(-1) ?? null },
    },
  };
}
