// API credentials: Basic `username:password` pairs. Secrets are high-entropy random strings, so a
// fast SHA-256 is the right hash here (a slow hash protects low-entropy human passwords, and would cap
// API throughput). Comparison is constant-time.
import { withWriteLock } from "@/lib/sql";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";

export const hashSecret = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");

export function generateCredentialPair() {
  return { username: `cb_${randomBytes(6).toString("hex")}`, password: `cbsk_${randomBytes(24).toString("base64url")}` };
}

/**
 * A key created by a person acts as that person (their current role); `owner` is null for the bootstrap
 * credential and for keys older than owners, which act as an admin would.
 */
export type ApiKeyOwner = { id: string; name: string; email: string; role: "admin" | "staff" };
export type ApiPrincipal = { kind: "api"; credentialId: string; username: string; owner: ApiKeyOwner | null };

type CacheEntry = { principal: ApiPrincipal | null; expires: number };
const CACHE_MS = 5_000; // revocation takes effect within this window
const LAST_USED_EVERY_MS = 60_000;
const cache = new Map<string, CacheEntry>();
const lastUsedWritten = new Map<string, number>();

function parseBasic(header: string | null): { username: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  // RFC 7617: neither part may hold control characters (and Postgres cannot even compare a NUL).
  for (const ch of decoded) if (ch < " " || ch === "\u007f") return null;
  const colon = decoded.indexOf(":");
  if (colon < 1) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

async function lookup(username: string, password: string): Promise<ApiPrincipal | null> {
  const row = await db.apiCredential.findUnique({
    where: { username },
    select: {
      id: true,
      username: true,
      secretHash: true,
      revokedAt: true,
      createdByEmail: true,
      createdBy: { select: { id: true, name: true, email: true, role: true, active: true } },
    },
  });
  const given = Buffer.from(hashSecret(password), "hex");
  // Compare against a dummy hash for unknown users so timing does not reveal which usernames exist.
  const stored = Buffer.from(row?.secretHash ?? hashSecret(`unknown:${username}`), "hex");
  const equal = stored.length === given.length && timingSafeEqual(stored, given);
  if (!row || !equal || row.revokedAt) return null;
  // Leaving revokes a person's keys; these checks hold even if a key was somehow left active.
  const owner = row.createdBy;
  if (owner ? !owner.active : row.createdByEmail !== null) return null;
  return {
    kind: "api",
    credentialId: row.id,
    username: row.username,
    owner: owner && { id: owner.id, name: owner.name, email: owner.email, role: owner.role === "admin" ? "admin" : "staff" },
  };
}

function touchLastUsed(id: string) {
  const now = Date.now();
  if ((lastUsedWritten.get(id) ?? 0) > now - LAST_USED_EVERY_MS) return;
  lastUsedWritten.set(id, now);
  withWriteLock(() => db.apiCredential.update({ where: { id }, data: { lastUsedAt: new Date(now) } })).catch(() => {});
}

/** Verifies an Authorization header. Results are cached briefly, keyed by a hash of the header. */
export async function verifyBasicHeader(header: string | null): Promise<ApiPrincipal | null> {
  const pair = parseBasic(header);
  if (!pair) return null;
  const key = hashSecret(header ?? "");
  const now = Date.now();
  const hit = cache.get(key);
  let principal: ApiPrincipal | null;
  if (hit && hit.expires > now) {
    principal = hit.principal;
  } else {
    principal = await lookup(pair.username, pair.password);
    if (cache.size > 10_000) cache.clear();
    cache.set(key, { principal, expires: now + CACHE_MS });
  }
  if (principal) touchLastUsed(principal.credentialId);
  return principal;
}

/** Drops this process's cached verdicts for a credential, so its revocation takes effect at once here. */
export function forgetCredential(id: string) {
  for (const [key, entry] of cache) if (entry.principal?.credentialId === id) cache.delete(key);
  lastUsedWritten.delete(id);
}

/** Drops this process's cached verdicts for every key of one owner, so a new role applies to them at once here. */
export function forgetKeysOwnedBy(userId: string) {
  for (const [key, entry] of cache) if (entry.principal?.owner?.id === userId) cache.delete(key);
}
