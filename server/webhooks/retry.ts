// The webhook retry schedule: exponential backoff with jitter inside a retry window.
import { env } from "@/lib/env";

const MAX_RETRY_DELAY_MS = 6 * 3_600_000;

/** No retry is scheduled past this: WEBHOOK_RETRY_WINDOW_SECONDS (a day) after creation or replay. */
export const retryUntilFrom = (from: Date) => new Date(from.getTime() + env.WEBHOOK_RETRY_WINDOW_SECONDS * 1000);

/**
 * The wait after the n-th failed attempt: WEBHOOK_RETRY_BASE_MS doubled per failure (about 5 s, 10 s,
 * 20 s… with the default), at most 6 h, with ±20% jitter so endpoints that recover are not stampeded.
 */
export function retryDelayMs(failedAttempts: number, random = Math.random()): number {
  const exp = Math.min(MAX_RETRY_DELAY_MS, env.WEBHOOK_RETRY_BASE_MS * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(exp * (0.8 + 0.4 * random));
}
