// Pieces shared by the background loops (the engine worker and the webhook worker).

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
 * Logs a loop's failures at most once a minute: typically the database is unreachable or not migrated
 * yet, and one line a tick would bury everything else.
 */
export function createThrottledErrorLog(what: string, everyMs = 60_000) {
  let last = 0;
  return (error: unknown) => {
    if (Date.now() - last <= everyMs) return;
    last = Date.now();
    console.error(`[callboard] ${what} cannot reach a ready database:`, error instanceof Error ? error.message : error);
  };
}
