// Prisma access for the engine. The durable work queue is the Job table: a job is leased by one worker
// at a time (lockedBy/lockedUntil); each step commits its effects together with the job's next state,
// guarded by the step number and the lease, so a step never applies twice, even across restarts or instances.
import { db, type Tx } from "@/lib/db";
import { dialect } from "@/lib/env";
import { asSqlTx, type SqlTx, sqlDate, sqlTransaction, withWriteLock } from "@/lib/sql";
import { LANES, PROMOTE_AFTER_MS } from "./lanes";
import { AFTER_END_JOBS, AFTER_END_JOBS_SQL } from "@/server/conversations/queries";

export const LEASE_MS = 15_000;
export const MAX_ATTEMPTS = 5;

export type JobRow = { id: string; interactionId: string; kind: string; step: number; attempts: number };
/** A job as claimed: with the lane it was ranked in (lanes.ts). */
export type ClaimedJob = JobRow & { lane: number };

/** Thrown inside a step's transaction when the lease was lost: the transaction rolls back. */
export class LostLease extends Error {}

/**
 * Leases up to `limit` due jobs in lane order: the ranked candidates are read, then leased in one UPDATE
 * … RETURNING whose WHERE re-checks that each is still free. On Postgres, rows another instance is claiming
 * right now are skipped (SKIP LOCKED), and a row it claimed between our read and our write fails the
 * re-check, so no job is leased twice.
 */
export async function claimDueJobs(workerId: string, limit: number): Promise<ClaimedJob[]> {
  const now = new Date();
  const promoteBefore = new Date(now.getTime() - PROMOTE_AFTER_MS);
  // Due jobs in run order (lanes.ts): by lane, where a batch or analysis job that has waited past
  // PROMOTE_AFTER_MS competes in the API lane; then round robin between the lane's keys (a job's place in
  // its own key's queue); then oldest first.
  const ownLane = `CASE WHEN j.kind IN ${AFTER_END_JOBS_SQL} THEN ${LANES.background} ELSE i.lane END`;
  const ranked = `
    SELECT id, lane FROM (
      SELECT id, "runAt", lane, ROW_NUMBER() OVER (PARTITION BY lane, "laneKey" ORDER BY "runAt", id) AS turn
        FROM (
          SELECT j.id, j."runAt", i."laneKey",
                 CASE WHEN ${ownLane} > ${LANES.api} AND j."runAt" < ? THEN ${LANES.api} ELSE ${ownLane} END AS lane
            FROM "Job" j JOIN "Interaction" i ON i.id = j."interactionId"
           WHERE j.state = 'pending' AND j."runAt" <= ? AND (j."lockedUntil" IS NULL OR j."lockedUntil" < ?)
        ) due
    ) ranked
    ORDER BY lane, turn, "runAt"
    LIMIT ?`;
  const skipLocked = dialect === "postgresql" ? " FOR UPDATE SKIP LOCKED" : "";
  return sqlTransaction(async (tx) => {
    const candidates = await tx.all<{ id: string; lane: number | string }>(ranked, [promoteBefore, now, now, limit]);
    if (candidates.length === 0) return [];
    const lanes = new Map(candidates.map((c) => [c.id, Number(c.lane)]));
    const ids = candidates.map(() => "?").join(", ");
    const claimed = await tx.all<JobRow>(
      `UPDATE "Job" SET "lockedBy" = ?, "lockedUntil" = ?
        WHERE id IN (SELECT id FROM "Job" WHERE id IN (${ids})${skipLocked})
          AND state = 'pending' AND ("lockedUntil" IS NULL OR "lockedUntil" < ?)
        RETURNING id, "interactionId", kind, step, attempts`,
      [workerId, new Date(now.getTime() + LEASE_MS), ...lanes.keys(), now],
    );
    return claimed.map((job) => ({ ...job, lane: lanes.get(job.id) ?? LANES.api }));
  });
}

/**
 * Moves a leased job to its next step (or ends it), failing with LostLease if another worker owns it.
 * Plain SQL (lib/sql.ts): this, postponeJob and findInteractionForStep run on every engine step.
 */
export async function advanceJob(
  tx: Tx | SqlTx,
  job: JobRow,
  workerId: string,
  next: { delayMs: number } | { state: "done" | "failed"; error?: string },
) {
  const now = new Date();
  const lease = [job.id, job.step, workerId];
  const count =
    "delayMs" in next
      ? await asSqlTx(tx).run(
          `UPDATE "Job" SET step = ?, "runAt" = ?, attempts = 0, "lastError" = NULL, "lockedBy" = NULL, "lockedUntil" = NULL, "updatedAt" = ?
            WHERE id = ? AND step = ? AND "lockedBy" = ?`,
          [job.step + 1, new Date(now.getTime() + next.delayMs), now, ...lease],
        )
      : await asSqlTx(tx).run(
          `UPDATE "Job" SET step = ?, state = ?, "lastError" = ?, "lockedBy" = NULL, "lockedUntil" = NULL, "updatedAt" = ?
            WHERE id = ? AND step = ? AND "lockedBy" = ?`,
          [job.step + 1, next.state, next.error ?? null, now, ...lease],
        );
  if (count !== 1) throw new LostLease(`job ${job.id} step ${job.step}`);
}

/** Keeps the step and gives the job back to the queue, due after `delayMs`: nothing failed. */
export async function postponeJob(tx: Tx | SqlTx, job: JobRow, workerId: string, delayMs: number) {
  const now = new Date();
  await asSqlTx(tx).run(
    `UPDATE "Job" SET "runAt" = ?, "lockedBy" = NULL, "lockedUntil" = NULL, "updatedAt" = ?
      WHERE id = ? AND step = ? AND "lockedBy" = ?`,
    [new Date(now.getTime() + delayMs), now, job.id, job.step, workerId],
  );
}

/** What a step needs to know about its interaction, read inside the step's transaction. */
export async function findInteractionForStep(tx: Tx | SqlTx, id: string) {
  const row = await asSqlTx(tx).one<{ id: string; channel: string; status: string; startedAt: unknown; provider: string }>(
    `SELECT id, channel, status, "startedAt", provider FROM "Interaction" WHERE id = ?`,
    [id],
  );
  return row && { ...row, startedAt: row.startedAt == null ? null : sqlDate(row.startedAt) };
}

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

/** Ends an interaction's pending work, except what runs after the end (its analysis, its price). */
export function finishJobsOf(tx: Tx, interactionId: string) {
  return tx.job.updateMany({
    where: { interactionId, state: "pending", kind: { notIn: AFTER_END_JOBS } },
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
