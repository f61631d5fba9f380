// Prisma access for the engine. The durable work queue is the Job table: a job is leased by one worker
// at a time (lockedBy/lockedUntil); each step commits its effects together with the job's next state,
// guarded by the step number and the lease, so a step never applies twice, even across restarts or instances.
import { db, type Tx } from "@/lib/db";
import { withWriteLock } from "@/lib/sql";
import { ANALYZE_JOB } from "@/server/conversations/queries";

export const LEASE_MS = 15_000;
export const MAX_ATTEMPTS = 5;

export type JobRow = { id: string; interactionId: string; kind: string; step: number; attempts: number };

/** Thrown inside a step's transaction when the lease was lost: the transaction rolls back. */
export class LostLease extends Error {}

/**
 * Leases up to `limit` due jobs. The conditional update is the lock: on Postgres a competing
 * instance's identical UPDATE re-checks the row after the first commits and matches nothing.
 */
export async function claimDueJobs(workerId: string, limit: number): Promise<JobRow[]> {
  const now = new Date();
  const due = await db.job.findMany({
    where: { state: "pending", runAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    select: { id: true, interactionId: true, kind: true, step: true, attempts: true },
    orderBy: { runAt: "asc" },
    take: limit,
  });
  const claimed: JobRow[] = [];
  for (const job of due) {
    const { count } = await withWriteLock(() =>
      db.job.updateMany({
        where: { id: job.id, step: job.step, state: "pending", OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
        data: { lockedBy: workerId, lockedUntil: new Date(Date.now() + LEASE_MS) },
      }),
    );
    if (count === 1) claimed.push(job);
  }
  return claimed;
}

/** Moves a leased job to its next step (or ends it), failing with LostLease if another worker owns it. */
export async function advanceJob(
  tx: Tx,
  job: JobRow,
  workerId: string,
  next: { delayMs: number } | { state: "done" | "failed"; error?: string },
) {
  const data =
    "delayMs" in next
      ? { step: job.step + 1, runAt: new Date(Date.now() + next.delayMs), attempts: 0, lastError: null }
      : { step: job.step + 1, state: next.state, lastError: next.error ?? null };
  const { count } = await tx.job.updateMany({
    where: { id: job.id, step: job.step, lockedBy: workerId },
    data: { ...data, lockedBy: null, lockedUntil: null },
  });
  if (count !== 1) throw new LostLease(`job ${job.id} step ${job.step}`);
}

/** Keeps the step and gives the job back to the queue, due after `delayMs`: nothing failed. */
export async function postponeJob(client: Pick<Tx, "job">, job: JobRow, workerId: string, delayMs: number) {
  await client.job.updateMany({
    where: { id: job.id, step: job.step, lockedBy: workerId },
    data: { runAt: new Date(Date.now() + delayMs), lockedBy: null, lockedUntil: null },
  });
}

/** What a step needs to know about its interaction, read inside the step's transaction. */
export const findInteractionForStep = (tx: Tx, id: string) =>
  tx.interaction.findUnique({
    where: { id },
    select: { id: true, channel: true, status: true, startedAt: true, provider: true },
  });

/** Keeps the step, records the failure and retries later with backoff. */
export function retryJob(job: JobRow, workerId: string, error: string, delayMs: number) {
  return withWriteLock(() =>
    db.job.updateMany({
      where: { id: job.id, step: job.step, lockedBy: workerId },
      data: {
        attempts: job.attempts + 1,
        lastError: error.slice(0, 500),
        runAt: new Date(Date.now() + delayMs),
        lockedBy: null,
        lockedUntil: null,
      },
    }),
  );
}

/** Gives up on a job for good (its error kept in lastError). */
export function failJob(job: JobRow, workerId: string, error: string) {
  return db.job.updateMany({
    where: { id: job.id, step: job.step, lockedBy: workerId },
    data: { state: "failed", lastError: error.slice(0, 500), lockedBy: null, lockedUntil: null },
  });
}

/** On SQLite only one instance runs, so leases left by a killed process can be released at start. */
export function releaseAllLeases() {
  return db.job.updateMany({ where: { state: "pending", lockedBy: { not: null } }, data: { lockedBy: null, lockedUntil: null } });
}

/** The jobs one worker holds, due again at once for any instance (graceful shutdown). */
export function releaseLeasesOf(workerId: string) {
  return withWriteLock(() =>
    db.job.updateMany({
      where: { state: "pending", lockedBy: workerId },
      data: { lockedBy: null, lockedUntil: null, runAt: new Date() },
    }),
  );
}

/** Ends an interaction's pending work, except its post-call analysis, which runs after the end. */
export function finishJobsOf(tx: Tx, interactionId: string) {
  return tx.job.updateMany({
    where: { interactionId, state: "pending", kind: { not: ANALYZE_JOB } },
    data: { state: "done", lockedBy: null, lockedUntil: null },
  });
}

/** Keeps a long job (a model turn) leased while it runs. */
/** Extends a job's lease; false when another worker has taken the job over. */
export async function renewLease(job: JobRow, workerId: string): Promise<boolean> {
  const { count } = await withWriteLock(() =>
    db.job.updateMany({
      where: { id: job.id, step: job.step, lockedBy: workerId },
      data: { lockedUntil: new Date(Date.now() + LEASE_MS) },
    }),
  );
  return count === 1;
}
