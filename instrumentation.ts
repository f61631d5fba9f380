// Next.js calls register() once per server process: it starts the interaction and webhook workers, the batch
// dispatcher (and the IMAP poller when IMAP_URL is set) beside the HTTP server, so `npm start` runs everything in one process,
// and installs the graceful shutdown (server/system/shutdown.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  const { handleShutdownSignals } = await import("./server/system/shutdown");
  handleShutdownSignals();
  if (!env.WORKER_ENABLED) return;
  const { startWorker } = await import("./server/engine/worker");
  await startWorker();
  const { startWebhookWorker } = await import("./server/webhooks/worker");
  await startWebhookWorker();
  const { startDispatcher } = await import("./server/batches/dispatcher");
  startDispatcher();
  if (env.IMAP_URL) {
    const { startImapPoller } = await import("./server/transports/email/imap");
    await startImapPoller();
  }
}
