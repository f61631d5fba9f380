// Batch and task rows as the API answers with them (batchSchema, batchTaskObjectSchema).
import { publicUrl } from "@/lib/env";
import { toIso, toIsoOrNull } from "@/lib/time";
import type { BatchRow, TaskRow } from "./queries";
import { type Batch, type BatchTaskObject, type RetryPolicy, TASK_STATES, type TaskState } from "./schema";
import type { CallingWindow } from "./windows";

const FINISHED: TaskState[] = ["completed", "failed", "cancelled"];

/**
 * The ETA extrapolates the rate of finished tasks since the batch began (its start, or its creation if
 * later); it does not foresee closed calling windows, so across a night it is a lower bound.
 */
function eta(row: BatchRow, finished: number, now: number): string | null {
  const remaining = row.taskCount - finished;
  if (finished === 0 || remaining <= 0 || row.status === "cancelled") return null;
  const began = Math.max(row.startAt.getTime(), row.createdAt.getTime());
  const elapsed = now - began;
  if (elapsed <= 0) return null;
  return new Date(now + (remaining * elapsed) / finished).toISOString();
}

export function toBatch(row: BatchRow, partial: Partial<Record<TaskState, number>>, now = Date.now()): Batch {
  const counts = Object.fromEntries(TASK_STATES.map((s) => [s, partial[s] ?? 0])) as Record<TaskState, number>;
  const finished = FINISHED.reduce((sum, s) => sum + counts[s], 0);
  const self = `${publicUrl()}/api/v1/batches/${row.id}`;
  return {
    id: row.id,
    name: row.name,
    agentId: row.agentId,
    skillId: row.skillId,
    channel: row.channel as Batch["channel"],
    status: row.status as Batch["status"],
    startAt: toIso(row.startAt),
    timezone: row.timezone,
    callingWindows: JSON.parse(row.callingWindows) as CallingWindow[],
    concurrency: row.concurrency,
    pacingPerSecond: row.pacingPerSecond,
    retry: JSON.parse(row.retryPolicy) as RetryPolicy,
    simulate: row.simulate,
    taskCount: row.taskCount,
    counts,
    progress: row.taskCount === 0 ? 1 : finished / row.taskCount,
    eta: eta(row, finished, now),
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    completedAt: toIsoOrNull(row.completedAt),
    links: { self, tasks: `${self}/tasks` },
  };
}

export function toBatchTask(row: TaskRow): BatchTaskObject {
  return {
    id: row.id,
    row: row.seq,
    state: row.state as TaskState,
    customerName: row.customerName,
    customerPhone: row.customerPhone,
    customerEmail: row.customerEmail,
    attempts: row.attempts,
    runAt: toIso(row.runAt),
    interactionId: row.interactionId,
    outcome: row.outcome,
    updatedAt: toIso(row.updatedAt),
    links: { interaction: row.interactionId ? `${publicUrl()}/api/v1/calls/${row.interactionId}` : null },
  };
}
