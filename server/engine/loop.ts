// Pieces shared by the background loops (the engine worker and the webhook worker).
import { logThrottled } from "@/lib/log";

/** A sleep that `wake()` cuts short, so new work starts at once instead of at the next poll. */
export function createWakeableSleep() {
  let wake: (() => void) | null = null;
  return {
    sleep(ms: number) {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(timer);
          wake = null;
          resolve();
        };
      });
    },
    wake() {
      wake?.();
    },
  };
}

/**
 * Logs a loop's failures at most once a minute (lib/log.ts): typically the database is unreachable or
 * not migrated yet, and one line a tick would bury everything else.
 */
export function createThrottledErrorLog(what: string, everyMs = 60_000) {
  return (error: unknown) => {
    logThrottled(
      `loop:${what}`,
      `${what} cannot reach a ready database: ${error instanceof Error ? error.message : error}`,
      everyMs,
    );
  };
}
