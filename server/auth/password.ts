// Staff passwords are human-chosen, so they are stored with scrypt, a deliberately slow and
// memory-hard hash, at OWASP's current minimum cost (N=2^17, r=8, p=1: 128 MiB and a few hundred
// milliseconds of one core per hash). Each hash carries its parameters, so the cost can be raised
// later; hashes from before that (`scrypt$salt$key`, Node's defaults N=2^14) still verify, and
// needsRehash tells the sign-in to store a fresh one.
//
// Every hash runs through one small bounded queue: a burst of sign-ins waits a little or is told to
// come back (503), instead of occupying every core and libuv thread and a gigabyte of memory.
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { BoundedQueue, QueueFullError } from "@/lib/bounded-queue";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/errors";

export type ScryptParams = { N: number; r: number; p: number };

export const CURRENT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
/** What hashes without stored parameters were made with (Node's scrypt defaults). */
export const LEGACY_PARAMS: ScryptParams = { N: 2 ** 14, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 64;

/** By default two hashes at a time (256 MiB), sixteen waiting; the rest get 503. */
export const hashQueue = new BoundedQueue(env.PASSWORD_HASH_CONCURRENCY, env.PASSWORD_HASH_QUEUE);

type ParsedHash = { params: ScryptParams; salt: Buffer; key: Buffer };

const formatHash = ({ N, r, p }: ScryptParams, salt: Buffer, key: Buffer) =>
  `scrypt$N=${N},r=${r},p=${p}$${salt.toString("base64")}$${key.toString("base64")}`;

// Stored hashes are our own data, but a corrupted one must not make a sign-in allocate gigabytes.
const saneParams = ({ N, r, p }: ScryptParams) =>
  Number.isInteger(Math.log2(N)) && N >= 2 ** 10 && N <= 2 ** 20 && r >= 1 && r <= 32 && p >= 1 && p <= 16;

/** Reads `scrypt$N=…,r=…,p=…$salt$key`, or the legacy `scrypt$salt$key`. */
export function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split("$");
  if (parts[0] !== "scrypt") return null;
  let params = LEGACY_PARAMS;
  if (parts.length === 4) {
    const match = /^N=(\d+),r=(\d+),p=(\d+)$/.exec(parts[1]);
    if (!match) return null;
    params = { N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  } else if (parts.length !== 3) {
    return null;
  }
  const [salt, key] = parts.slice(-2).map((s) => Buffer.from(s, "base64"));
  if (!saneParams(params) || salt.length === 0 || key.length < 16) return null;
  return { params, salt, key };
}

function derive(password: string, salt: Buffer, keyBytes: number, { N, r, p }: ScryptParams): Promise<Buffer> {
  // OpenSSL refuses by default above 32 MiB; scrypt needs 128·r·(N + p + 2) bytes.
  const maxmem = 128 * r * (N + p + 2) + 1024 * 1024;
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keyBytes, { N, r, p, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Runs a hash in the queue; a full queue answers 503 with Retry-After. */
async function queued<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await hashQueue.run(task);
  } catch (error) {
    if (!(error instanceof QueueFullError)) throw error;
    throw new ApiError(
      "service_unavailable",
      `Too many sign-ins are being checked right now. Try again in ${error.retryAfterSeconds} s.`,
      { headers: { "Retry-After": String(error.retryAfterSeconds) } },
    );
  }
}

export async function hashPassword(password: string, params = CURRENT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  return formatHash(params, salt, await queued(() => derive(password, salt, KEY_BYTES, params)));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const actual = await queued(() => derive(password, parsed.salt, parsed.key.length, parsed.params));
  return timingSafeEqual(actual, parsed.key);
}

/** True when a stored hash was made with other parameters than today's (and should be replaced). */
export function needsRehash(stored: string): boolean {
  const params = parseHash(stored)?.params;
  return !params || params.N !== CURRENT_PARAMS.N || params.r !== CURRENT_PARAMS.r || params.p !== CURRENT_PARAMS.p;
}

/**
 * Checked against when an e-mail has no account, so the answer takes as long as for a real one and
 * does not reveal which addresses have accounts. No password derives an all-zero key.
 */
export const NO_ACCOUNT_HASH = formatHash(CURRENT_PARAMS, Buffer.alloc(SALT_BYTES), Buffer.alloc(KEY_BYTES));
