// Per-credential request limits for the API: a token bucket per API credential that holds up to
// API_RATE_LIMIT_PER_MINUTE requests and refills continuously, so a steady integrator at the limit is
// never refused and a burst is allowed up to one minute's worth. 0 turns limiting off (benchmarks).
// Buckets live in memory, so each instance enforces the limit on its own share of the traffic.
import { env } from "@/lib/env";
import { ApiError } from "@/lib/errors";

type Bucket = { tokens: number; at: number };
const buckets = new Map<string, Bucket>();

/** Takes one request from the credential's bucket; returns seconds to wait when it is empty, else 0. */
export function takeToken(key: string, perMinute: number, now = Date.now()): number {
  if (perMinute <= 0) return 0;
  const rate = perMinute / 60_000; // tokens per millisecond
  const bucket = buckets.get(key) ?? { tokens: perMinute, at: now };
  bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * rate);
  bucket.at = now;
  if (buckets.size > 100_000) buckets.clear();
  buckets.set(key, bucket);
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
}

export function enforceRateLimit(credentialId: string) {
  const wait = takeToken(credentialId, env.API_RATE_LIMIT_PER_MINUTE);
  if (wait > 0) {
    throw new ApiError(
      "rate_limited",
      `This API credential is over its limit of ${env.API_RATE_LIMIT_PER_MINUTE} requests per minute. Retry after ${wait} s.`,
      { headers: { "Retry-After": String(wait) } },
    );
  }
}
