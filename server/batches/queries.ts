// Data access for batch campaigns. The writes that must be atomic (a batch with all its tasks; claiming
// a task together with its interaction; an outcome) are plain SQL through lib/sql.ts; reads use Prisma.
import { randomUUID } from "node:crypto";
import { db, TX_LOCKS } from "@/lib/db";
import type { SqlTx, SqlValue } from "@/lib/sql";
import { TERMINAL } from "@/server/calls/status";
import type { BatchTaskInput, CreateBatchInput, ListBatchesQuery, ListTasksQuery, TaskState } from "./schema";
import { taskPhone } from "./schema";

/** Rows per multi-row INSERT: 11 values each stays far below both drivers' parameter limits. */
const CHUNK = 500;
const TERMINAL_LIST = [...TERMINAL];

export type BatchSettings = Required<Pick<CreateBatchInput, "concurrency" | "pacingPerSecond">> & {
  startAt: Date;
  status: "scheduled" | "running";
};

/** Writes the batch and every task in the caller's transaction, in chunks of multi-row INSERTs. */
export async function insertBatchSql(tx: SqlTx, input: CreateBatchInput, settings: BatchSettings): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  await tx.run(
    `INSERT INTO "Batch" (id, name, "agentId", "skillId", channel, status, "startAt", timezone, "callingWindows", concurrency,
       "pacingPerSecond", "retryPolicy", simulate, "taskCount", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      input.name,
      input.agentId,
      input.skillId,
      input.channel,
      settings.status,
      settings.startAt,
      input.timezone,
      JSON.stringify(input.callingWindows ?? []),
      settings.concurrency,
      settings.pacingPerSecond,
      JSON.stringify(input.retry ?? {}),
      Boolean(input.simulate),
      input.tasks.length,
      now,
      now,
    ],
  );
  for (let from = 0; from < input.tasks.length; from += CHUNK) {
    const chunk = input.tasks.slice(from, from + CHUNK);
    const values: SqlValue[] = chunk.flatMap((task, i) => taskValues(id, from + i + 1, task, settings.startAt, now));
    await tx.run(
      `INSERT INTO "BatchTask" (id, "batchId", seq, state, input, "customerName", "customerPhone", "customerEmail", attempts, "runAt", "updatedAt")
       VALUES ${chunk.map(() => "(?, ?, ?, 'pending', ?, ?, ?, ?, 0, ?, ?)").join(", ")}`,
      values,
    );
  }
  return id;
}

function taskValues(batchId: string, seq: number, task: BatchTaskInput, runAt: Date, now: Date): SqlValue[] {
  const o = task.customerOverride;
  const name = [o?.firstName, o?.lastName].filter(Boolean).join(" ") || task.customerName || null;
  return [
    randomUUID(),
    batchId,
    seq,
    JSON.stringify(task),
    name,
    taskPhone(task) ?? null,
    o?.email ?? task.customerEmail ?? null,
    runAt,
    now,
  ];
}

export function findBatch(id: string) {
  return db.batch.findUnique({ where: { id } });
}
export type BatchRow = NonNullable<Awaited<ReturnType<typeof findBatch>>>;

export async function listBatches(query: ListBatchesQuery) {
  const where = query.status ? { status: query.status } : {};
  const [rows, total] = await Promise.all([
    db.batch.findMany({ where, orderBy: { createdAt: "desc" }, skip: (query.page - 1) * query.limit, take: query.limit }),
    db.batch.count({ where }),
  ]);
  return { rows, total };
}

/** Tasks by state for each batch, in one query. */
export async function countTasks(batchIds: string[]): Promise<Map<string, Partial<Record<TaskState, number>>>> {
  const groups = await db.batchTask.groupBy({ by: ["batchId", "state"], where: { batchId: { in: batchIds } }, _count: true });
  const counts = new Map<string, Partial<Record<TaskState, number>>>();
  for (const g of groups) {
    const entry = counts.get(g.batchId) ?? {};
    entry[g.state as TaskState] = g._count;
    counts.set(g.batchId, entry);
  }
  return counts;
}

export async function listTasks(batchId: string, query: ListTasksQuery) {
  const where = { batchId, ...(query.state && { state: query.state }) };
  const [rows, total] = await Promise.all([
    db.batchTask.findMany({ where, orderBy: { seq: "asc" }, skip: (query.page - 1) * query.limit, take: query.limit }),
    db.batchTask.count({ where }),
  ]);
  return { rows, total };
}
export type TaskRow = Awaited<ReturnType<typeof listTasks>>["rows"][number];

/** A guarded status change: only from one of `from`, so two concurrent changes cannot both apply. */
export async function setBatchStatusSql(tx: SqlTx, id: string, from: string[], to: string): Promise<boolean> {
  const rows = await tx.all<{ id: string }>(
    `UPDATE "Batch" SET status = ?, "updatedAt" = ?, "completedAt" = ? WHERE id = ? AND status IN (${from.map(() => "?").join(", ")}) RETURNING id`,
    [to, new Date(), to === "completed" || to === "cancelled" ? new Date() : null, id, ...from],
  );
  return rows.length > 0;
}

export async function cancelPendingTasksSql(tx: SqlTx, batchId: string) {
  await tx.run(`UPDATE "BatchTask" SET state = 'cancelled', "updatedAt" = ? WHERE "batchId" = ? AND state = 'pending'`, [
    new Date(),
    batchId,
  ]);
}

// ---- The dispatcher's queries ----

/** Batches the dispatcher looks at: waiting to start, or running. */
export function findActiveBatches() {
  return db.batch.findMany({ where: { status: { in: ["scheduled", "running"] } }, orderBy: { createdAt: "asc" } });
}

export type EndedTask = {
  id: string;
  batchId: string;
  attempts: number;
  interactionId: string;
  status: string;
  retryPolicy: string;
  batchStatus: string;
};

/**
 * Started tasks whose interaction has ended: their outcome is due. A read outside any transaction, so an
 * idle tick takes no write lock; settleTaskSql re-checks each one in the write.
 */
export async function findEndedTasks(limit: number): Promise<EndedTask[]> {
  const started = await db.batchTask.findMany({
    where: { state: "started", interactionId: { not: null } },
    select: {
      id: true,
      batchId: true,
      attempts: true,
      interactionId: true,
      batch: { select: { retryPolicy: true, status: true } },
    },
    orderBy: { updatedAt: "asc" },
    take: limit * 10,
  });
  if (started.length === 0) return [];
  const ended = await db.interaction.findMany({
    where: { id: { in: started.map((t) => t.interactionId as string) }, status: { in: TERMINAL_LIST } },
    select: { id: true, status: true },
  });
  const statusOf = new Map(ended.map((i) => [i.id, i.status]));
  return started
    .flatMap((t) => {
      const status = statusOf.get(t.interactionId as string);
      if (!status) return [];
      const { batch, ...task } = t;
      return [
        { ...task, interactionId: t.interactionId as string, status, retryPolicy: batch.retryPolicy, batchStatus: batch.status },
      ];
    })
    .slice(0, limit);
}

/** Records a started task's outcome, or sends it back to pending for a retry; guarded by its interaction. */
export async function settleTaskSql(
  tx: SqlTx,
  task: { id: string; interactionId: string },
  change: { state: TaskState; outcome: string; runAt?: Date },
) {
  await tx.run(
    `UPDATE "BatchTask" SET state = ?, outcome = ?, "runAt" = COALESCE(?, "runAt"), "updatedAt" = ?
      WHERE id = ? AND state = 'started' AND "interactionId" = ?`,
    [change.state, change.outcome, change.runAt ?? null, new Date(), task.id, task.interactionId],
  );
}

/**
 * The batch's interactions not yet ended: what the concurrency cap counts. Started tasks are few (about
 * the cap, until the dispatcher settles them), so their ids make a small IN list.
 */
export async function countLiveInteractions(batchId: string): Promise<number> {
  const started = await db.batchTask.findMany({ where: { batchId, state: "started" }, select: { interactionId: true } });
  const ids = started.flatMap((t) => (t.interactionId ? [t.interactionId] : []));
  if (ids.length === 0) return 0;
  return db.interaction.count({ where: { id: { in: ids }, status: { notIn: TERMINAL_LIST } } });
}

/**
 * Inside a task's start transaction on Postgres: waits for any other instance starting a task of the same
 * batch (a transaction-scoped advisory lock: TX_LOCKS.batchStarts and the batch id's hash), then whether the batch still has room
 * under its cap. Read after the lock, the count includes what the other instance has just started; without
 * the lock, two dispatchers that both counted free slots would both fill them.
 */
export async function hasRoomSql(tx: SqlTx, batchId: string, concurrency: number): Promise<boolean> {
  await tx.all(`SELECT pg_advisory_xact_lock(CAST(? AS integer), hashtext(?))`, [TX_LOCKS.batchStarts, batchId]);
  const live = await tx.one<{ n: number | string }>(
    `SELECT count(*) AS n FROM "BatchTask" t JOIN "Interaction" i ON i.id = t."interactionId"
      WHERE t."batchId" = ? AND t.state = 'started' AND i.status NOT IN (${TERMINAL_LIST.map(() => "?").join(", ")})`,
    [batchId, ...TERMINAL_LIST],
  );
  return Number(live?.n ?? 0) < concurrency;
}

/** Due pending tasks, oldest first: candidates only; claimTaskSql decides. */
export function findDueTasks(batchId: string, now: Date, limit: number) {
  return db.batchTask.findMany({
    where: { batchId, state: "pending", runAt: { lte: now } },
    orderBy: [{ runAt: "asc" }, { seq: "asc" }],
    take: limit,
    select: { id: true, input: true, attempts: true },
  });
}

/**
 * pending → started, bound to the interaction created in the same transaction, only while the batch
 * runs. The conditional UPDATE is the guard: of two instances claiming the same task on Postgres, the
 * second waits for the first's commit, then matches no row and rolls its interaction back.
 */
export async function claimTaskSql(tx: SqlTx, taskId: string, batchId: string, interactionId: string): Promise<boolean> {
  const rows = await tx.all<{ id: string }>(
    `UPDATE "BatchTask" SET state = 'started', attempts = attempts + 1, "interactionId" = ?, outcome = NULL, "updatedAt" = ?
      WHERE id = ? AND state = 'pending' AND EXISTS (SELECT 1 FROM "Batch" b WHERE b.id = ? AND b.status = 'running') RETURNING id`,
    [interactionId, new Date(), taskId, batchId],
  );
  return rows.length > 0;
}

/** A task that could not start (its input no longer fits, the agent was deactivated): failed with the reason. */
export async function failPendingTaskSql(tx: SqlTx, taskId: string, reason: string) {
  await tx.run(`UPDATE "BatchTask" SET state = 'failed', outcome = ?, "updatedAt" = ? WHERE id = ? AND state = 'pending'`, [
    reason.slice(0, 500),
    new Date(),
    taskId,
  ]);
}

export async function setNextStartSql(tx: SqlTx, batchId: string, at: Date) {
  await tx.run(`UPDATE "Batch" SET "nextStartAt" = ? WHERE id = ?`, [at, batchId]);
}

/** Whether the batch has nothing left to start or finish. */
export async function hasOpenTasks(batchId: string): Promise<boolean> {
  const open = await db.batchTask.findFirst({ where: { batchId, state: { in: ["pending", "started"] } }, select: { id: true } });
  return open !== null;
}

/** Claims the right to record batch.progress now: at most once per `everyMs` per batch, across instances. */
export async function claimProgressSlotSql(tx: SqlTx, batchId: string, now: Date, everyMs: number): Promise<boolean> {
  const rows = await tx.all<{ id: string }>(
    `UPDATE "Batch" SET "progressAt" = ? WHERE id = ? AND ("progressAt" IS NULL OR "progressAt" <= ?) RETURNING id`,
    [now, batchId, new Date(now.getTime() - everyMs)],
  );
  return rows.length > 0;
}
