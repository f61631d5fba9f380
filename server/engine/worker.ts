// The interaction worker: started with the server (instrumentation.ts). It leases due jobs from the
// database, runs one provider step per job (run-job.ts), and periodically sweeps stale interactions.
// Several instances on Postgres share the work safely (see queries.ts); on SQLite one instance runs it.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { dialect } from "@/lib/db";
import { env } from "@/lib/env";
import { LANES } from "./lanes";
import { type ClaimedJob, claimDueJobs, releaseAllLeases, releaseLeasesOf } from "./queries";
import { runJob } from "./run-job";
import { workerSignal } from "./signal";
import { createThrottledErrorLog, createWakeableSleep } from "./loop";
import { sweepStaleInteractions } from "./sweeper";
import { deleteExpiredSessions } from "@/server/auth/session";
import { deleteExpiredIdempotencyKeys } from "@/server/calls/idempotency";
import { indexerDue, indexPendingSources, wakeIndexer } from "@/server/knowledge/indexer";
import { releaseSourceLeases } from "@/server/knowledge/queries";

export const WORKER_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
const BATCH = 16;
// Sweep at least twice per staleness window, and at most every 30 s.
const SWEEP_EVERY_MS = Math.min(30_000, (env.STALE_INTERACTION_MINUTES * 60_000) / 2);

type WorkerState = { running: boolean; stop?: () => Promise<void> };
const globalForWorker = globalThis as unknown as { callboardWorker?: WorkerState };

export async function startWorker() {
  if (globalForWorker.callboardWorker?.running) return;
  const state: WorkerState = { running: true };
  globalForWorker.callboardWorker = state;
  if (dialect === "sqlite") {
    await releaseAllLeases();
    await releaseSourceLeases();
  }

  const idle = createWakeableSleep();
  const onWake = () => idle.wake();
  workerSignal.on("wake", onWake);
  const logError = createThrottledErrorLog("worker");
  const turns = new Set<Promise<void>>();
  let lastSweep = 0;
  // Knowledge sources are parsed beside the loop, one at a time, so a large PDF delays no conversation.
  let indexing: Promise<void> | null = null;

  const loop = (async () => {
    while (state.running) {
      try {
        if (Date.now() - lastSweep > SWEEP_EVERY_MS) {
          lastSweep = Date.now();
          await sweepStaleInteractions();
          await deleteExpiredSessions();
          await deleteExpiredIdempotencyKeys();
        }
        if (!indexing && indexerDue()) {
          indexing = indexPendingSources()
            .then((n) => {
              if (n >= 10) wakeIndexer();
            })
            .catch(logError)
            .finally(() => {
              indexing = null;
            });
        }
        const started = Date.now();
        const limit = BATCH - turns.size;
        const jobs = limit > 0 ? await claimDueJobs(WORKER_ID, limit) : [];
        // A conversation turn waits seconds on a model: it runs on beside the loop (its lease renewed),
        // so a customer's next message is picked up at once instead of after the slowest turn. A step
        // someone is waiting on (the interactive lane) runs beside the loop too, outside the duty cycle.
        const beside = (j: ClaimedJob) => j.kind !== "simulate" || j.lane === LANES.interactive;
        for (const job of jobs.filter(beside)) {
          const turn = runJob(job, WORKER_ID).finally(() => {
            turns.delete(turn);
            idle.wake();
          });
          turns.add(turn);
        }
        const steps = jobs.filter((j) => !beside(j));
        await Promise.all(steps.map((job) => runJob(job, WORKER_ID)));
        if (steps.length > 0) {
          // Duty cycle: when there is a backlog, rest as long as the batch took (scaled by
          // WORKER_MAX_SHARE), so simulations fall behind under load instead of starving the API.
          const took = Date.now() - started;
          await new Promise((r) => setTimeout(r, (took * (1 - env.WORKER_MAX_SHARE)) / env.WORKER_MAX_SHARE));
          if (jobs.length === limit) continue;
        }
      } catch (error) {
        logError(error);
      }
      await idle.sleep(env.WORKER_POLL_MS);
    }
  })();

  state.stop = async () => {
    state.running = false;
    idle.wake();
    workerSignal.off("wake", onWake);
    await loop;
    await Promise.all([...turns, indexing]);
  };
  console.log(`[callboard] worker ${WORKER_ID} started (${dialect})`);
}

/**
 * Stops claiming work and waits for the steps and turns in flight, up to `deadline` (graceful shutdown).
 * Then hands back every job this instance still holds, so another instance runs them at once instead of
 * after the lease expires; a turn still running past the deadline loses its lease and writes nothing.
 */
export async function stopWorker(deadline: number) {
  const state = globalForWorker.callboardWorker;
  if (!state?.running || !state.stop) return;
  await Promise.race([state.stop(), new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
  const { count } = await releaseLeasesOf(WORKER_ID);
  if (count) console.log(`[callboard] worker ${WORKER_ID} handed back ${count} job(s) to the other instances`);
}
