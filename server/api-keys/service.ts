// API credential rules: the secret is generated here and returned once; revoking keeps the row (so
// the list still shows who had access and when it was last used) and takes effect at once in this
// process, within the verification cache's few seconds elsewhere.
import { isUniqueViolation } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { toIso, toIsoOrNull } from "@/lib/time";
import { forgetCredential, generateCredentialPair, hashSecret } from "@/server/auth/credentials";
import * as q from "./queries";
import type { ApiKeyDto, ApiKeyListQuery, CreateApiKeyInput, CreatedApiKeyDto } from "./schema";

function toApiKey(row: q.ApiKeyRow): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    username: row.username,
    createdAt: toIso(row.createdAt),
    lastUsedAt: toIsoOrNull(row.lastUsedAt),
    revokedAt: toIsoOrNull(row.revokedAt),
  };
}

export async function listApiKeys(query: ApiKeyListQuery) {
  const { rows, total } = await q.listApiKeys(query);
  return { items: rows.map(toApiKey), total };
}

export async function getApiKey(id: string) {
  const row = await q.findApiKey(id);
  if (!row) throw notFound("API key");
  return toApiKey(row);
}

export async function createApiKey(input: CreateApiKeyInput): Promise<CreatedApiKeyDto> {
  // 48 random bits of username: a collision is practically impossible, but retry rather than fail.
  for (let attempt = 1; ; attempt++) {
    const pair = generateCredentialPair();
    try {
      const row = await q.createApiKey({ name: input.name, username: pair.username, secretHash: hashSecret(pair.password) });
      return { ...toApiKey(row), password: pair.password };
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

/** Idempotent: revoking a revoked key answers it unchanged. */
export async function revokeApiKey(id: string) {
  const existing = await getApiKey(id);
  if (existing.revokedAt) return existing;
  const row = await q.revokeApiKey(id, new Date());
  forgetCredential(id);
  return toApiKey(row);
}
