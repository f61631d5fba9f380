// One step of one leased job: the provider's step and the job's progress commit in one transaction,
// and a step that keeps failing ends its interaction as failed.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { withWriteLock } from "@/lib/sql";
import { type Channel, isTerminal } from "@/server/calls/status";
import { transition } from "@/server/calls/transitions";
import { publishCallEvent } from "@/server/events/bus";
import { providerFor } from "./providers";
import {
  advanceJob,
  findInteractionForStep,
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

export async function runJob(job: JobRow, workerId: string, hooks: StepHooks = {}) {
  let changed: Changed = "none";
  try {
    await withWriteLock(() =>
      db.$transaction(async (tx) => {
        const call = await findInteractionForStep(tx, job.interactionId);
        if (call) await hooks.afterRead?.(call);
        if (!call || isTerminal(call.status)) return advanceJob(tx, job, workerId, { state: "done" });
        // Paused by staff: keep the step and look again later.
        if (call.status === "on-hold") return postponeJob(tx, job, workerId, env.SIMULATOR_STEP_MS);
        const outcome = await providerFor(call.provider).step(tx, { ...call, channel: call.channel as Channel }, job.step, {
          workerId,
        });
        if (outcome.done) {
          changed = "ended";
          return advanceJob(tx, job, workerId, { state: "done" });
        }
        changed = outcome.changed;
        return advanceJob(tx, job, workerId, { delayMs: outcome.delayMs });
      }),
    );
  } catch (error) {
    if (error instanceof LostLease) return; // another worker owns this job now; our step rolled back
    await failStep(job, workerId, error);
    return;
  }
  if (changed !== "none") publishCallEvent({ callId: job.interactionId, kind: changed === "message" ? "message" : "status" });
}

/** Retries a failing step with exponential backoff; after MAX_ATTEMPTS the interaction fails cleanly. */
async function failStep(job: JobRow, workerId: string, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[callboard] worker: job ${job.id} step ${job.step} failed (attempt ${job.attempts + 1}): ${message}`);
  if (job.attempts + 1 < MAX_ATTEMPTS) {
    await retryJob(job, workerId, message, 1000 * 2 ** job.attempts).catch(() => {});
    return;
  }
  await withWriteLock(() =>
    db.$transaction(async (tx) => {
      const call = await findInteractionForStep(tx, job.interactionId);
      if (call && !isTerminal(call.status))
        await transition(tx, call, "failed", { actor: "engine", reason: "The provider failed repeatedly.", workerId });
      await finishJobsOf(tx, job.interactionId);
    }),
  ).catch((e) => console.error("[callboard] worker: could not fail job", e));
  publishCallEvent({ callId: job.interactionId, kind: "status" });
}
