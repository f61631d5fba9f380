// The interaction worker: started with the server (instrumentation.ts). It leases due jobs from the
// database, runs one provider step per job in a transaction, and periodically sweeps stale interactions.
// Several instances on Postgres share the work safely (see jobs.ts); on SQLite one instance runs it.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { db, dialect } from "@/lib/db";
import { env } from "@/lib/env";
import { withWriteLock } from "@/lib/sql";
import { isTerminal, type Channel } from "@/server/calls/status";
import { transition } from "@/server/calls/transitions";
import { publishCallEvent } from "@/server/events/bus";
import { advanceJob, claimDueJobs, finishJobsOf, type JobRow, LostLease, MAX_ATTEMPTS, releaseAllLeases, retryJob } from "./jobs";
import { providerFor } from "./providers";
import { workerSignal } from "./signal";
import { createThrottledErrorLog, createWakeableSleep } from "./loop";
import { sweepStaleInteractions } from "./sweeper";
import { deleteExpiredSessions } from "@/server/auth/session";
import { deleteExpiredIdempotencyKeys } from "@/server/calls/idempotency";

export const WORKER_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
const BATCH = 16;
// Sweep at least twice per staleness window, and at most every 30 s.
const SWEEP_EVERY_MS = Math.min(30_000, (env.STALE_INTERACTION_MINUTES * 60_000) / 2);

async function runJob(job: JobRow) {
  let changed: "status" | "message" | "none" | "ended" = "none";
  try {
    await withWriteLock(() =>
      db.$transaction(async (tx) => {
        const call = await tx.interaction.findUnique({
          where: { id: job.interactionId },
          select: { id: true, channel: true, status: true, startedAt: true, provider: true },
        });
        if (!call || isTerminal(call.status)) return advanceJob(tx, job, WORKER_ID, { state: "done" });
        if (call.status === "on-hold") {
          // Paused by staff: keep the step and look again later.
          await tx.job.updateMany({
            where: { id: job.id, lockedBy: WORKER_ID },
            data: { runAt: new Date(Date.now() + env.SIMULATOR_STEP_MS), lockedBy: null, lockedUntil: null },
          });
          return;
        }
        const outcome = await providerFor(call.provider).step(tx, { ...call, channel: call.channel as Channel }, job.step, {
          workerId: WORKER_ID,
        });
        if (outcome.done) {
          changed = "ended";
          return advanceJob(tx, job, WORKER_ID, { state: "done" });
        }
        changed = outcome.changed;
        return advanceJob(tx, job, WORKER_ID, { delayMs: outcome.delayMs });
      }),
    );
  } catch (error) {
    if (error instanceof LostLease) return; // another worker owns this job now; our step rolled back
    await failStep(job, error);
    return;
  }
  if (changed !== "none") publishCallEvent({ callId: job.interactionId, kind: changed === "message" ? "message" : "status" });
}

/** Retries a failing step with exponential backoff; after MAX_ATTEMPTS the interaction fails cleanly. */
async function failStep(job: JobRow, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[callboard] worker: job ${job.id} step ${job.step} failed (attempt ${job.attempts + 1}): ${message}`);
  if (job.attempts + 1 < MAX_ATTEMPTS) {
    await retryJob(job, WORKER_ID, message, 1000 * 2 ** job.attempts).catch(() => {});
    return;
  }
  await withWriteLock(() =>
    db.$transaction(async (tx) => {
      const call = await tx.interaction.findUnique({
        where: { id: job.interactionId },
        select: { id: true, status: true, channel: true },
      });
      if (call && !isTerminal(call.status))
        await transition(tx, call, "failed", { actor: "engine", reason: "The provider failed repeatedly.", workerId: WORKER_ID });
      await finishJobsOf(tx, job.interactionId);
    }),
  ).catch((e) => console.error("[callboard] worker: could not fail job", e));
  publishCallEvent({ callId: job.interactionId, kind: "status" });
}

type WorkerState = { running: boolean; stop?: () => Promise<void> };
const globalForWorker = globalThis as unknown as { callboardWorker?: WorkerState };

export async function startWorker() {
  if (globalForWorker.callboardWorker?.running) return;
  const state: WorkerState = { running: true };
  globalForWorker.callboardWorker = state;
  if (dialect === "sqlite") await releaseAllLeases();

  const idle = createWakeableSleep();
  const onWake = () => idle.wake();
  workerSignal.on("wake", onWake);
  const logError = createThrottledErrorLog("worker");
  let lastSweep = 0;

  const loop = (async () => {
    while (state.running) {
      try {
        if (Date.now() - lastSweep > SWEEP_EVERY_MS) {
          lastSweep = Date.now();
          await sweepStaleInteractions();
          await deleteExpiredSessions();
          await deleteExpiredIdempotencyKeys();
        }
        const started = Date.now();
        const jobs = await claimDueJobs(WORKER_ID, BATCH);
        await Promise.all(jobs.map(runJob));
        if (jobs.length > 0) {
          // Duty cycle: when there is a backlog, rest as long as the batch took (scaled by
          // WORKER_MAX_SHARE), so simulations fall behind under load instead of starving the API.
          const took = Date.now() - started;
          await new Promise((r) => setTimeout(r, (took * (1 - env.WORKER_MAX_SHARE)) / env.WORKER_MAX_SHARE));
          if (jobs.length === BATCH) continue;
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
  };
  console.log(`[callboard] worker ${WORKER_ID} started (${dialect})`);
}
