// Prisma access for API credentials. secretHash never leaves this module.
import { db } from "@/lib/db";
import { withWriteLock } from "@/lib/sql";
import type { ApiKeyListQuery } from "./schema";
import { pageArgs } from "@/lib/validation";

const apiKeySelect = { id: true, name: true, username: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export type ApiKeyRow = NonNullable<Awaited<ReturnType<typeof findApiKey>>>;

export const findApiKey = (id: string) => db.apiCredential.findUnique({ where: { id }, select: apiKeySelect });

export async function listApiKeys(query: ApiKeyListQuery) {
  const [rows, total] = await Promise.all([
    db.apiCredential.findMany({ select: apiKeySelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }], ...pageArgs(query) }),
    db.apiCredential.count(),
  ]);
  return { rows, total };
}

export const createApiKey = (data: { name: string; username: string; secretHash: string }) =>
  withWriteLock(() => db.apiCredential.create({ data, select: apiKeySelect }));

export const revokeApiKey = (id: string, at: Date) =>
  withWriteLock(() => db.apiCredential.update({ where: { id }, data: { revokedAt: at }, select: apiKeySelect }));
