// The instance's own lifecycle, as route handlers see it: whether it is shutting down (new requests are
// refused with a retryable 503 so the load balancer sends them elsewhere), and how many requests are
// still being answered (a graceful shutdown waits for them). One state per process: Next may load each
// route bundle as its own module instance.

type Lifecycle = { draining: boolean; inFlight: number; idle: (() => void)[] };
const globalForLifecycle = globalThis as unknown as { callboardLifecycle?: Lifecycle };
globalForLifecycle.callboardLifecycle ??= { draining: false, inFlight: 0, idle: [] };
const state = globalForLifecycle.callboardLifecycle;

export const isDraining = () => state.draining;

export function startDraining() {
  state.draining = true;
}

/** Counts a request as in flight while `fn` answers it (a streamed body counts until its Response is returned). */
export async function inFlight<T>(fn: () => Promise<T>): Promise<T> {
  state.inFlight++;
  try {
    return await fn();
  } finally {
    state.inFlight--;
    if (state.inFlight === 0) for (const resolve of state.idle.splice(0)) resolve();
  }
}

/** Resolves when no request is in flight, or at `deadline` (epoch ms); true when they all finished. */
export function requestsFinished(deadline: number): Promise<boolean> {
  if (state.inFlight === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
    state.idle.push(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export const requestsInFlight = () => state.inFlight;
