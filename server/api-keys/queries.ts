// Prisma access for API credentials. secretHash never leaves this module.
import { db, type Tx } from "@/lib/db";
import { withWriteLock } from "@/lib/sql";
import { pageArgs } from "@/lib/validation";
import { ownerSelect } from "@/server/staff/ownership";
import type { ApiKeyListQuery } from "./schema";

const apiKeySelect = {
  id: true,
  name: true,
  username: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  ...ownerSelect,
} as const;

export type ApiKeyRow = NonNullable<Awaited<ReturnType<typeof findApiKey>>>;

/** Rows of one owner (`createdById`), or every row (`{}`). */
type OwnerFilter = { createdById?: string };

export const findApiKey = (id: string) => db.apiCredential.findUnique({ where: { id }, select: apiKeySelect });

export async function listApiKeys(query: ApiKeyListQuery, where: OwnerFilter) {
  const [rows, total] = await Promise.all([
    db.apiCredential.findMany({
      where,
      select: apiKeySelect,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      ...pageArgs(query),
    }),
    db.apiCredential.count({ where }),
  ]);
  return { rows, total };
}

export const createApiKey = (data: {
  name: string;
  username: string;
  secretHash: string;
  createdById?: string;
  createdByName?: string;
  createdByEmail?: string;
}) => withWriteLock(() => db.apiCredential.create({ data, select: apiKeySelect }));

export const revokeApiKey = (id: string, at: Date) =>
  withWriteLock(() => db.apiCredential.update({ where: { id }, data: { revokedAt: at }, select: apiKeySelect }));

/**
 * Part of a person leaving (in the caller's transaction): revokes their active keys and refreshes the
 * copied owner name on all of them. Answers the revoked ids, to drop from the verification cache.
 */
export async function revokeApiKeysOwnedBy(tx: Tx, owner: { id: string; name: string; email: string }, at: Date) {
  const active = await tx.apiCredential.findMany({ where: { createdById: owner.id, revokedAt: null }, select: { id: true } });
  await tx.apiCredential.updateMany({
    where: { createdById: owner.id },
    data: { createdByName: owner.name, createdByEmail: owner.email },
  });
  await tx.apiCredential.updateMany({ where: { id: { in: active.map((k) => k.id) } }, data: { revokedAt: at } });
  return active.map((k) => k.id);
}
