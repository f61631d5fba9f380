// Idempotent create: POST /api/v1/calls with an Idempotency-Key header. A key is claimed by inserting
// its row (the unique (scope, key) index decides races, so 20 concurrent requests create one
// interaction); the interaction id is written inside the create transaction; the response is saved
// after it and replayed verbatim. A claim whose request died before creating anything is taken over
// after CLAIM_STALE_MS; one that did create is replayed from the interaction.
import { createHash } from "node:crypto";
import { db, isUniqueViolation } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { withWriteLock } from "@/lib/sql";
import type { Principal } from "@/server/auth/authenticate";

const KEEP_MS = 24 * 3600_000;
const CLAIM_STALE_MS = 60_000;

export type IdempotencyClaim = { id: string };
export type IdempotencyOutcome = { claim: IdempotencyClaim } | { replay: unknown };

export const idempotencyScope = (p: Principal) => (p.kind === "api" ? `api:${p.credentialId}` : `staff:${p.userId}`);

/** Key order does not change a JSON body's meaning, so the hash is over a canonical form. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export const hashRequestBody = (body: unknown) => createHash("sha256").update(canonical(body)).digest("hex");

/** Claims the key for this request, or says what to answer instead (a replay, 409 or 422). */
export async function claimIdempotencyKey(scope: string, key: string, requestHash: string): Promise<IdempotencyOutcome> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = new Date();
    try {
      const row = await withWriteLock(() =>
        db.idempotencyKey.create({
          data: { scope, key, requestHash, lockedAt: now, expiresAt: new Date(now.getTime() + KEEP_MS) },
          select: { id: true },
        }),
      );
      return { claim: row };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const existing = await db.idempotencyKey.findUnique({ where: { scope_key: { scope, key } } });
    if (!existing) continue; // expired and deleted meanwhile: claim again
    if (existing.expiresAt <= now) {
      await withWriteLock(() => db.idempotencyKey.deleteMany({ where: { id: existing.id, expiresAt: { lte: now } } }));
      continue;
    }
    if (existing.requestHash !== requestHash) {
      throw new ApiError(
        "validation_failed",
        "This Idempotency-Key was already used with a different request body. Use a new key for a new request.",
        { details: [{ path: "Idempotency-Key", message: "Already used with a different body." }] },
      );
    }
    if (existing.responseBody) return { replay: JSON.parse(existing.responseBody) };
    if (existing.interactionId) return { replay: { interactionId: existing.interactionId } };
    if (now.getTime() - existing.lockedAt.getTime() < CLAIM_STALE_MS) {
      throw new ApiError("conflict", "A request with this Idempotency-Key is still in progress. Retry in a moment.", {
        headers: { "Retry-After": "1" },
      });
    }
    // The request that claimed it died before creating anything: take it over (only one taker wins).
    const taken = await withWriteLock(() =>
      db.idempotencyKey.updateMany({
        where: { id: existing.id, lockedAt: existing.lockedAt, interactionId: null },
        data: { lockedAt: now },
      }),
    );
    if (taken.count === 1) return { claim: { id: existing.id } };
  }
  throw new ApiError("conflict", "A request with this Idempotency-Key is still in progress. Retry in a moment.", {
    headers: { "Retry-After": "1" },
  });
}

/** The request failed before creating anything: free the key so a corrected request can use it. */
export async function releaseIdempotencyKey(claim: IdempotencyClaim) {
  await withWriteLock(() => db.idempotencyKey.deleteMany({ where: { id: claim.id, interactionId: null } }));
}

export async function saveIdempotentResponse(claim: IdempotencyClaim, body: unknown) {
  await withWriteLock(() => db.idempotencyKey.update({ where: { id: claim.id }, data: { responseBody: JSON.stringify(body) } }));
}

/** Housekeeping with the worker's sweep: keys are kept 24 hours. */
export async function deleteExpiredIdempotencyKeys(now = new Date()) {
  await withWriteLock(() => db.idempotencyKey.deleteMany({ where: { expiresAt: { lt: now } } }));
}
