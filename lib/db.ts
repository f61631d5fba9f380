// The one Prisma client module. The dialect follows DATABASE_URL (see lib/env.ts); both generated
// clients come from the same prisma/models.prisma, so their model API is identical and `Db` is typed
// from the SQLite one.
import { PrismaClient as PgClient } from "@/prisma/generated/postgresql/client/client";
import { PrismaClient as SqliteClient } from "@/prisma/generated/sqlite/client/client";
import { adapterFactory } from "./db-adapter";
import { dialect, env } from "./env";
import { likeTerm } from "./like";
import { isDriverUniqueViolation } from "./sql";

export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export { Prisma } from "@/prisma/generated/sqlite/client/client";

function createClient(): Db {
  const adapter = adapterFactory(dialect, env.DATABASE_URL, env.DATABASE_CONNECT_TIMEOUT_MS);
  if (dialect === "sqlite") return new SqliteClient({ adapter });
  // Same models, other dialect: the two generated classes differ only in their provider tag.
  return new PgClient({ adapter }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { callboardDb?: Db };

/** Reused across hot reloads and between route bundles, which Next may load as separate modules. */
export const db: Db = globalForDb.callboardDb ?? createClient();
globalForDb.callboardDb = db;

export { dialect };

/**
 * A Prisma filter for "contains this text", literally (`%` and `_` are text, see lib/like.ts) and in
 * any case on both dialects (Postgres needs `mode`; SQLite's like() is case-insensitive already and
 * its client type has no `mode`).
 */
export function containsText(term: string): { contains: string } {
  const contains = likeTerm(term);
  return (dialect === "postgresql" ? { contains, mode: "insensitive" } : { contains }) as { contains: string };
}

/** Named locks for lockInTx; each is one Postgres advisory-lock key. */
export const TX_LOCKS = { webhookEndpoints: 7_301, webhookClaims: 7_302, agentActions: 7_303, batchStarts: 7_304 } as const;

/**
 * Makes transactions that take the same lock run one after another, across instances: on Postgres a
 * transaction-scoped advisory lock, released at commit or rollback. On SQLite there is one instance and
 * withWriteLock already runs its writers one at a time.
 */
export async function lockInTx(tx: Tx, lock: (typeof TX_LOCKS)[keyof typeof TX_LOCKS]) {
  if (dialect === "postgresql") await tx.$executeRaw`SELECT pg_advisory_xact_lock(CAST(${lock} AS bigint))`;
}

/** True for a unique-constraint violation (Prisma P2002), e.g. two requests creating the same customer at once. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002") ||
    isDriverUniqueViolation(error)
  );
}

/** Runs a transaction again when it lost a race on a unique constraint; the retry sees the winner's row. */
export async function withUniqueRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      if (i >= attempts || !isUniqueViolation(error)) throw error;
    }
  }
}
