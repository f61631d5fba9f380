// Batch campaigns: create (the batch and all its tasks in one transaction), read with live counts,
// pause / resume / cancel, and the task list. The dispatcher (dispatcher.ts) starts the tasks.
import { ApiError, notFound } from "@/lib/errors";
import { sqlTransaction } from "@/lib/sql";
import { loadAgentAndSkill } from "@/server/calls/insert";
import { wakeDispatcher } from "./signal";
import {
  cancelPendingTasksSql,
  countTasks,
  findBatch,
  insertBatchSql,
  listBatches as listBatchRows,
  listTasks as listTaskRows,
  setBatchStatusSql,
} from "./queries";
import type { CreateBatchInput, ListBatchesQuery, ListTasksQuery, UpdateBatchInput } from "./schema";
import { toBatch, toBatchTask } from "./serialize";

const DEFAULT_CONCURRENCY = 5;
const DEFAULT_PACING_PER_SECOND = 1;

export async function createBatch(input: CreateBatchInput) {
  const startAt = input.startAt ?? new Date();
  const id = await sqlTransaction(async (tx) => {
    // The same checks as Create Call (the agent and skill exist, are active and go together), once for all tasks.
    await loadAgentAndSkill(tx, input.agentId, input.skillId);
    return insertBatchSql(tx, input, {
      startAt,
      status: startAt.getTime() > Date.now() ? "scheduled" : "running",
      concurrency: input.concurrency ?? DEFAULT_CONCURRENCY,
      pacingPerSecond: input.pacingPerSecond ?? DEFAULT_PACING_PER_SECOND,
    });
  });
  wakeDispatcher();
  return getBatch(id);
}

export async function getBatch(id: string) {
  const row = await findBatch(id);
  if (!row) throw notFound("The batch");
  const counts = await countTasks([id]);
  return toBatch(row, counts.get(id) ?? {});
}

export async function listBatches(query: ListBatchesQuery) {
  const { rows, total } = await listBatchRows(query);
  const counts = await countTasks(rows.map((r) => r.id));
  return { items: rows.map((r) => toBatch(r, counts.get(r.id) ?? {})), total };
}

export async function listBatchTasks(id: string, query: ListTasksQuery) {
  if (!(await findBatch(id))) throw notFound("The batch");
  const { rows, total } = await listTaskRows(id, query);
  return { items: rows.map(toBatchTask), total };
}

/** Which statuses each action leaves from, and where it goes. */
const ACTIONS = {
  pause: { from: ["scheduled", "running"], to: "paused" },
  resume: { from: ["paused"], to: "running" },
  cancel: { from: ["scheduled", "running", "paused"], to: "cancelled" },
} as const;

/**
 * Pause stops new starts (interactions under way run to their end); resume continues; cancel also
 * cancels every task not yet started. Interactions already started are not cut off.
 */
export async function updateBatch(id: string, { action }: UpdateBatchInput) {
  const row = await findBatch(id);
  if (!row) throw notFound("The batch");
  const { from, to } = ACTIONS[action];
  // Resuming before startAt goes back to waiting for it.
  const target = action === "resume" && row.startAt.getTime() > Date.now() ? "scheduled" : to;
  const changed = await sqlTransaction(async (tx) => {
    const ok = await setBatchStatusSql(tx, id, [...from], target);
    if (ok && action === "cancel") await cancelPendingTasksSql(tx, id);
    return ok;
  });
  if (!changed) {
    const now = await findBatch(id);
    throw new ApiError("invalid_transition", `The batch is ${now?.status ?? row.status}, so it cannot ${action}.`, {
      allowed: (Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]).filter((a) =>
        (ACTIONS[a].from as readonly string[]).includes(now?.status ?? row.status),
      ),
    });
  }
  wakeDispatcher();
  return getBatch(id);
}
