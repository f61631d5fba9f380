// Failed sign-in throttling. After MAX_FAILURES failures for one key (an account) within the window, further attempts are refused until the window has passed. The counts
// live in memory: each instance throttles on its own, which still caps guessing at a few attempts per
// minute per instance.
const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 5;

const failures = new Map<string, number[]>();

function recent(key: string, now: number): number[] {
  const list = (failures.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
  if (list.length) failures.set(key, list);
  else failures.delete(key);
  return list;
}

/** Seconds until another attempt is allowed for any of these keys, or 0 when allowed now. */
export function throttledFor(keys: string[], now = Date.now()): number {
  let wait = 0;
  for (const key of keys) {
    const list = recent(key, now);
    if (list.length >= MAX_FAILURES) wait = Math.max(wait, Math.ceil((list[0] + WINDOW_MS - now) / 1000));
  }
  return wait;
}

export function recordFailure(keys: string[], now = Date.now()) {
  if (failures.size > 50_000) failures.clear();
  for (const key of keys) failures.set(key, [...recent(key, now), now]);
}

export function clearFailures(keys: string[]) {
  for (const key of keys) failures.delete(key);
}
