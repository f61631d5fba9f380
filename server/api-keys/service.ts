// API credential rules: the secret is generated here and returned once; revoking keeps the row (so
// the list still shows who had access and when it was last used) and takes effect at once in this
// process, within the verification cache's few seconds elsewhere. Staff see and manage the keys they
// created; admins all of them. Someone else's key is "not found", as it is absent from their list.
import { isUniqueViolation } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { toIso, toIsoOrNull } from "@/lib/time";
import { forgetCredential, generateCredentialPair, hashSecret } from "@/server/auth/credentials";
import { type Actor, canManage, ownerColumns, toCreator, visibleTo } from "@/server/staff/ownership";
import * as keys from "./queries";
import type { ApiKeyDto, ApiKeyListQuery, CreateApiKeyInput, CreatedApiKeyDto } from "./schema";

function toApiKey(row: keys.ApiKeyRow): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    username: row.username,
    createdAt: toIso(row.createdAt),
    lastUsedAt: toIsoOrNull(row.lastUsedAt),
    revokedAt: toIsoOrNull(row.revokedAt),
    createdBy: toCreator(row),
  };
}

export async function listApiKeys(actor: Actor, query: ApiKeyListQuery) {
  const { rows, total } = await keys.listApiKeys(query, visibleTo(actor));
  return { items: rows.map(toApiKey), total };
}

export async function getApiKey(actor: Actor, id: string) {
  const row = await keys.findApiKey(id);
  if (!row || !canManage(actor, row.createdById)) throw notFound("API key");
  return toApiKey(row);
}

export async function createApiKey(actor: Actor, input: CreateApiKeyInput): Promise<CreatedApiKeyDto> {
  // 48 random bits of username: a collision is practically impossible, but retry rather than fail.
  for (let attempt = 1; ; attempt++) {
    const pair = generateCredentialPair();
    try {
      const row = await keys.createApiKey({
        name: input.name,
        username: pair.username,
        secretHash: hashSecret(pair.password),
        ...ownerColumns(actor),
      });
      return { ...toApiKey(row), password: pair.password };
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

/** Idempotent: revoking a revoked key answers it unchanged. */
export async function revokeApiKey(actor: Actor, id: string) {
  const existing = await getApiKey(actor, id);
  if (existing.revokedAt) return existing;
  const row = await keys.revokeApiKey(id, new Date());
  forgetCredential(id);
  return toApiKey(row);
}
