// Logging for failures that repeat while something outside is broken (the database is down, a provider
// is unreachable): one line per kind, at most once a minute, instead of a dump per request or per tick.

// One map per process: Next may load each route bundle as its own module instance.
const globalForLog = globalThis as unknown as { callboardLogged?: Map<string, number> };
globalForLog.callboardLogged ??= new Map<string, number>();
const lastLogged = globalForLog.callboardLogged;

/** Logs `line` under `kind` unless that kind was logged less than `everyMs` ago. Returns whether it logged. */
export function logThrottled(kind: string, line: string, everyMs = 60_000): boolean {
  const now = Date.now();
  if (now - (lastLogged.get(kind) ?? -Infinity) < everyMs) return false;
  lastLogged.set(kind, now);
  console.error(`[callboard] ${line}`);
  return true;
}
