// Caps how many live streams one principal (an API credential, or a signed-in staff member) holds
// open in this process. Every stream keeps a socket, a subscription and up to MAX_BUFFERED_BYTES of
// queue, so without a cap one client could hold any number of them.
import { env } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import type { Principal } from "@/server/auth/authenticate";

/** Streams end when their clients leave, which cannot be predicted: a short, fixed hint. */
const RETRY_AFTER_SECONDS = 5;

// Both SSE routes must share one count, and Next may load each route bundle as its own module instance.
const globalForSlots = globalThis as unknown as { callboardStreamSlots?: Map<string, number> };
globalForSlots.callboardStreamSlots ??= new Map();
const open = globalForSlots.callboardStreamSlots;

const keyOf = (principal: Principal) =>
  principal.kind === "api" ? `api:${principal.credentialId}` : `staff:${principal.userId}`;

/**
 * Takes one stream slot for `principal`, or throws 429 when it holds `max` already (0: no cap).
 * Returns the release function; calling it more than once releases once.
 */
export function claimStreamSlot(principal: Principal, max = env.SSE_MAX_STREAMS_PER_PRINCIPAL): () => void {
  if (max <= 0) return () => {};
  const key = keyOf(principal);
  const count = open.get(key) ?? 0;
  if (count >= max) {
    const who = principal.kind === "api" ? "this API credential" : "your account";
    throw new ApiError(
      "rate_limited",
      `Too many live event streams are open for ${who} (at most ${max} at once). Close one, or retry after ${RETRY_AFTER_SECONDS} s.`,
      { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } },
    );
  }
  open.set(key, count + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (open.get(key) ?? 1) - 1;
    if (left > 0) open.set(key, left);
    else open.delete(key);
  };
}
