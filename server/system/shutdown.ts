// Graceful shutdown on SIGTERM (what a container platform sends before it kills) and SIGINT (Ctrl-C):
//   1. refuse new API requests with a retryable 503 (lib/lifecycle.ts), so the load balancer moves on;
//   2. end live event streams with a reconnect hint: clients resume elsewhere from their Last-Event-ID;
//   3. stop the workers, letting jobs and webhook attempts in flight finish, then hand back the leases
//      this instance holds, so another instance picks them up at once rather than when they expire;
//   4. wait for the requests still being answered; all of this within SHUTDOWN_GRACE_MS;
//   5. close the database connections and exit 0.
// Next's own signal handler (which exits 143 once its HTTP server has closed) is turned off with
// NEXT_MANUAL_SIG_HANDLE, which `npm start` and the container image set; without it, Next's runs alone.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { requestsFinished, requestsInFlight, startDraining } from "@/lib/lifecycle";
import { closeSqlPool } from "@/lib/sql";
import { stopDispatcher } from "@/server/batches/dispatcher";
import { stopWorker } from "@/server/engine/worker";
import { closeAllStreams } from "@/server/events/sse";
import { stopListening } from "@/server/events/pg-notify";
import { stopImapPoller } from "@/server/transports/email/imap";
import { stopWebhookWorker } from "@/server/webhooks/worker";

/** How long closing the database connections may take after the grace period. */
const CLOSE_WAIT_MS = 2_000;

const globalForShutdown = globalThis as unknown as { callboardShutdown?: boolean };

export function handleShutdownSignals() {
  if (!process.env.NEXT_MANUAL_SIG_HANDLE || globalForShutdown.callboardShutdown !== undefined) return;
  globalForShutdown.callboardShutdown = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void shutdown(signal));
}

async function shutdown(signal: string) {
  if (globalForShutdown.callboardShutdown) return;
  globalForShutdown.callboardShutdown = true;
  const deadline = Date.now() + env.SHUTDOWN_GRACE_MS;
  console.log(`[callboard] ${signal}: shutting down (in-flight work may take up to ${env.SHUTDOWN_GRACE_MS} ms)`);
  startDraining();
  const streams = closeAllStreams();
  try {
    await Promise.all([stopDispatcher(deadline), stopWorker(deadline), stopWebhookWorker(deadline), stopImapPoller(deadline)]);
  } catch (error) {
    console.error(`[callboard] shutdown: the workers did not stop cleanly: ${error instanceof Error ? error.message : error}`);
  }
  const finished = await requestsFinished(deadline);
  if (!finished) console.log(`[callboard] shutdown: ${requestsInFlight()} request(s) still running at the deadline`);
  // Closing a pool waits for its clients to be released: bounded, so a client lost in an outage cannot hold the exit.
  const closed = Promise.all([stopListening(), db.$disconnect().catch(() => {}), closeSqlPool()]);
  await Promise.race([closed, new Promise((r) => setTimeout(r, CLOSE_WAIT_MS))]);
  console.log(`[callboard] stopped (${streams} live stream(s) told to reconnect)`);
  process.exit(0);
}
