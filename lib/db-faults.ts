// Which errors mean "the database is unavailable right now" (as opposed to a bug or bad input): the
// server is down or restarting, a connection was cut, the pool could not connect in time, or SQLite's
// file is locked, full or read-only. Requests that meet one answer 503 database_unavailable with
// Retry-After (lib/errors.ts), so an integrator retries instead of reporting a bug.
//
// The errors arrive in several wrappings: pg's own (a code like 57P01, or a socket errno), Prisma's
// (P1001…, or a driver-adapter error that carries the original code), and better-sqlite3's. The chain of
// `cause`s is walked a few levels deep.

/** Postgres SQLSTATEs: class 08 (connection exception), admin/crash shutdown, cannot connect now, too many connections. */
const PG_STATE = /^(?:08\w{3}|57P0[123]|53300)$/;
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
/** Prisma: can't reach, timed out, closed the connection, pool timeout, too many connections. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
/** Prisma's driver-adapter error kinds for the same. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const SQLITE_CODE = /^SQLITE_(?:BUSY|LOCKED|FULL|READONLY|IOERR|CANTOPEN)/;
/** pg reports these without a code. */
const PG_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection timeout|Client has encountered a connection error|Cannot use a pool after calling end|database system is (?:starting up|shutting down)/i;

type Inspectable = { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: unknown };

function links(error: unknown): Inspectable[] {
  const seen: Inspectable[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth++) {
    const e = current as Inspectable;
    seen.push(e);
    const adapter = (e.meta as { driverAdapterError?: { cause?: unknown } } | undefined)?.driverAdapterError;
    if (adapter?.cause && typeof adapter.cause === "object") seen.push(adapter.cause as Inspectable);
    current = e.cause;
  }
  return seen;
}

function matches(e: Inspectable): boolean {
  const code = typeof e.code === "string" ? e.code : "";
  const original = typeof e.originalCode === "string" ? e.originalCode : "";
  const kind = typeof e.kind === "string" ? e.kind : "";
  const message = typeof e.message === "string" ? e.message : "";
  return (
    PG_STATE.test(code) ||
    PG_STATE.test(original) ||
    SOCKET_CODES.has(code) ||
    PRISMA_CODES.has(code) ||
    ADAPTER_KINDS.has(kind) ||
    SQLITE_CODE.test(code) ||
    SQLITE_CODE.test(original) ||
    PG_MESSAGES.test(message)
  );
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return links(error).some(matches);
}

/** A one-line reason for the log: the first code or message in the chain, never an object dump. */
export function faultSummary(error: unknown): string {
  for (const e of links(error)) {
    const code = [e.code, e.originalCode, e.kind].find((v) => typeof v === "string" && v);
    if (code) return `${code}${typeof e.message === "string" && e.message ? `: ${e.message.split("\n")[0]}` : ""}`;
  }
  return error instanceof Error ? error.message.split("\n")[0] : String(error);
}
