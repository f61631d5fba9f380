// One step of one leased job: the provider's step and the job's progress commit in one transaction,
// and a step that keeps failing ends its interaction as failed. A step is computed from the interaction
// as read at the start of its transaction; when staff change the status before the step writes (a PUT
// racing the worker on Postgres), the step's guarded writes throw StaleStatus, the transaction rolls
// back and the step reads again and applies to the current status. So no job ends while its
// interaction is open: a call put on hold during its last step waits, and ends with its transcript.
import { db } from "@/lib/db";
import { faultSummary, isDatabaseUnavailable } from "@/lib/db-faults";
import { logThrottled } from "@/lib/log";
import { env } from "@/lib/env";
import { metrics } from "@/lib/metrics";
import { sqlTransaction, withWriteLock, writeTx } from "@/lib/sql";
import { type Channel, isTerminal } from "@/server/calls/status";
import { StaleStatus, transitionFromRead } from "@/server/calls/transitions";
import { publishCallEvent } from "@/server/events/bus";
import { runConversationJob } from "@/server/conversations/run";
import { ANALYZE_JOB, PRICE_JOB } from "@/server/conversations/queries";
import { runAnalysisJob } from "@/server/analysis/service";
import { runPriceJob } from "@/server/transports/twilio/price";
import { providerFor } from "./providers";
import {
  advanceJob,
  findInteractionForStep,
  failJob,
  finishJobsOf,
  type JobRow,
  LostLease,
  MAX_ATTEMPTS,
  postponeJob,
  retryJob,
} from "./queries";

export type StepHooks = {
  /**
   * Runs inside the step's transaction right after the interaction is read. Tests use it to commit a
   * racing change at the one moment that matters; the worker passes none.
   */
  afterRead?: (call: { id: string; status: string }) => Promise<void>;
};

type Changed = "status" | "message" | "none" | "ended";

/** Reads again after a lost race this many times in a row before handing the job back to the queue. */
const STALE_READS = 3;

async function stepOnce(job: JobRow, workerId: string, hooks: StepHooks): Promise<Changed> {
  // On the driver, not Prisma: a simulated step is a handful of small statements, and Prisma's per-query
  // cost was most of the engine's CPU (docs/benchmarks.md).
  return sqlTransaction(async (tx): Promise<Changed> => {
    const call = await findInteractionForStep(tx, job.interactionId);
    if (call) await hooks.afterRead?.(call);
    if (!call || isTerminal(call.status)) {
      await advanceJob(tx, job, workerId, { state: "done" });
      return "none";
    }
    if (call.status === "on-hold") {
      // Paused by staff: keep the step and look again later.
      await postponeJob(tx, job, workerId, env.SIMULATOR_STEP_MS);
      return "none";
    }
    const outcome = await providerFor(call.provider).step(tx, { ...call, channel: call.channel as Channel }, job.step, {
      workerId,
    });
    await advanceJob(tx, job, workerId, outcome.done ? { state: "done" } : { delayMs: outcome.delayMs });
    return outcome.done ? "ended" : outcome.changed;
  });
}

export async function runJob(job: JobRow, workerId: string, hooks: StepHooks = {}) {
  await runJobStep(job, workerId, hooks);
  metrics.engineSteps.inc({ kind: job.kind });
}

async function runJobStep(job: JobRow, workerId: string, hooks: StepHooks) {
  if (job.kind === ANALYZE_JOB || job.kind === PRICE_JOB) {
    // After the end: a failing analysis or price fetch never touches the interaction's status.
    const run = job.kind === ANALYZE_JOB ? runAnalysisJob : runPriceJob;
    await run(job, workerId).catch((error) => failAfterEndJob(job, workerId, error));
    return;
  }
  if (job.kind !== "simulate") {
    // Engine v2 (real channels, the model brain, "test your agent"): one job per turn.
    await runConversationJob(job, workerId).catch((error) => failStep(job, workerId, error));
    return;
  }
  for (let read = 1; ; read++) {
    let changed: Changed;
    try {
      changed = await stepOnce(job, workerId, hooks);
    } catch (error) {
      if (error instanceof LostLease) return; // another worker owns this job now; our step rolled back
      if (error instanceof StaleStatus) {
        if (read < STALE_READS) continue;
        // Still racing: the step stays due, untouched, and is not counted as a failure.
        await withWriteLock(() => postponeJob(db, job, workerId, 0)).catch(() => {});
        return;
      }
      await failStep(job, workerId, error);
      return;
    }
    if (changed !== "none") publishCallEvent({ callId: job.interactionId, kind: changed === "message" ? "message" : "status" });
    return;
  }
}

/**
 * An after-end job hit an unexpected error (the model's own failures are recorded on the analysis; Twilio
 * answering 5xx, say, for the price): retried with backoff, then dropped.
 */
async function failAfterEndJob(job: JobRow, workerId: string, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[callboard] worker: ${job.kind} job ${job.id} failed (attempt ${job.attempts + 1}): ${message}`);
  if (job.attempts + 1 < MAX_ATTEMPTS) await retryJob(job, workerId, message, 1000 * 2 ** job.attempts).catch(() => {});
  else await withWriteLock(() => failJob(job, workerId, message)).catch(() => {});
}

/** How long a step waits when the database was unavailable, before it is tried again. */
const OUTAGE_RETRY_MS = 2000;

/** Retries a failing step with exponential backoff; after MAX_ATTEMPTS the interaction fails cleanly. */
async function failStep(job: JobRow, workerId: string, error: unknown) {
  if (isDatabaseUnavailable(error)) {
    // Nothing is wrong with the step: the database went away under it (a restart, an outage). It is
    // tried again without counting an attempt, so a long outage cannot use up a job's attempts and fail
    // its interaction. If this write fails too, the lease runs out and the step is due again anyway.
    logThrottled(
      "engine-outage",
      `[callboard] worker: the database is unavailable (${faultSummary(error)}); steps wait and retry`,
    );
    await withWriteLock(() => postponeJob(db, job, workerId, OUTAGE_RETRY_MS)).catch(() => {});
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[callboard] worker: job ${job.id} step ${job.step} failed (attempt ${job.attempts + 1}): ${message}`);
  if (job.attempts + 1 < MAX_ATTEMPTS) {
    await retryJob(job, workerId, message, 1000 * 2 ** job.attempts).catch(() => {});
    return;
  }
  for (let read = 1; read <= STALE_READS; read++) {
    try {
      await writeTx(async (tx) => {
        const call = await findInteractionForStep(tx, job.interactionId);
        if (call && !isTerminal(call.status))
          await transitionFromRead(tx, call, "failed", {
            actor: "engine",
            reason: "The provider failed repeatedly.",
            workerId,
          });
        await finishJobsOf(tx, job.interactionId);
      });
      publishCallEvent({ callId: job.interactionId, kind: "status" });
      return;
    } catch (e) {
      // After a lost race the job stays leased; when the lease runs out, the step runs (and fails) again.
      if (e instanceof StaleStatus) continue;
      console.error("[callboard] worker: could not fail job", e);
      return;
    }
  }
}
