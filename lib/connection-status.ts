// Whether the dashboard can reach a working server right now, as its own requests see it: a request
// that meets an unavailable database (503 database_unavailable), a restarting server, or no network
// marks it "reconnecting"; any answer from a working server marks it "ok". The banner in the app shell
// reads it (components/shell/connection-banner.tsx), so pages stay calm instead of each showing an error.

export type ConnectionStatus = "ok" | "reconnecting";

let status: ConnectionStatus = "ok";
const listeners = new Set<() => void>();

/** The codes that mean "wait and retry", not "something is wrong with what you did". */
export const TRANSIENT_CODES = new Set(["database_unavailable", "service_unavailable", "network_error"]);

export function reportConnection(next: ConnectionStatus) {
  if (next === status) return;
  status = next;
  for (const fn of listeners) fn();
}

export const connectionStatus = () => status;

export function subscribeConnection(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
