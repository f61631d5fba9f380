// The batch dispatcher: a loop beside the engine worker (started in instrumentation.ts, stopped in
// server/system/shutdown.ts). Each tick it
//   1. settles started tasks whose interaction has ended: completed / failed, or back to pending after
//      the retry delay when it ended busy, no-answer or voicemail and the policy allows another attempt;
//   2. starts due tasks of running batches, within the calling windows (in the batch's time zone), the
//      concurrency cap (the batch's interactions not yet ended) and the pacing (starts per second);
//   3. completes batches with nothing left, and records batch.progress (throttled) and batch.completed.
// Starting a task is ONE transaction: insertCall records the interaction, and its `also` hook moves the
// task pending → started with a conditional UPDATE. A SIGKILL leaves both or neither; a second instance
// (Postgres) claiming the same task matches no row and rolls its interaction back. On Postgres the hook
// first takes the batch's advisory lock and counts again, so two instances never go over its concurrency.
import { dialect, withUniqueRetry } from "@/lib/db";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { sqlTransaction } from "@/lib/sql";
import { insertCall } from "@/server/calls/insert";
import { createCallSchema } from "@/server/calls/schema";
import { announceCreated } from "@/server/calls/service";
import { createThrottledErrorLog, createWakeableSleep } from "@/server/engine/loop";
import { LANES } from "@/server/engine/lanes";
import { recordEvent } from "@/server/webhooks/outbox";
import {
  type BatchRow,
  claimProgressSlotSql,
  claimTaskSql,
  countLiveInteractions,
  countTasks,
  failPendingTaskSql,
  findActiveBatches,
  findBatch,
  findDueTasks,
  findEndedTasks,
  hasOpenTasks,
  hasRoomSql,
  setBatchStatusSql,
  setNextStartSql,
  settleTaskSql,
} from "./queries";
import { RETRY_ON, type RetryPolicy, taskCallInput } from "./schema";
import { toBatch } from "./serialize";
import { batchSignal } from "./signal";
import { type CallingWindow, inWindow } from "./windows";

/** batch.progress at most this often per batch. */
export const PROGRESS_EVERY_MS = 1000;
/** Ends that count as a task done; any other end (after its retries) is a failed task. */
const SUCCEEDED = new Set(["completed", "resolved", "transferred"]);
const SETTLE_LIMIT = 500;
/** Starts per batch per tick, at most: one slow batch cannot hold the loop. */
const STARTS_PER_TICK = 50;

class ClaimLost extends Error {}
/** The other instance filled the batch's last free slot first: this start rolls back, and the tick ends. */
class CapReached extends Error {}

/** Step 1. Returns the batches whose tasks changed. */
async function settleEndedTasks(now: Date): Promise<Set<string>> {
  const ended = await findEndedTasks(SETTLE_LIMIT);
  if (ended.length === 0) return new Set();
  return sqlTransaction(async (tx) => {
    const touched = new Set<string>();
    for (const t of ended) {
      const rule = (JSON.parse(t.retryPolicy) as RetryPolicy)[RETRY_ON[t.status]];
      // attempts counts the attempts made so far; a rule's count is how many more it allows.
      const retry = rule && t.attempts <= rule.count && t.batchStatus !== "cancelled";
      await settleTaskSql(
        tx,
        t,
        retry
          ? { state: "pending", outcome: t.status, runAt: new Date(now.getTime() + rule.delayMinutes * 60_000) }
          : { state: SUCCEEDED.has(t.status) ? "completed" : "failed", outcome: t.status },
      );
      touched.add(t.batchId);
    }
    return touched;
  });
}

type Outcome = "started" | "lost" | "failed" | "full";

async function startTask(batch: BatchRow, task: { id: string; input: string }): Promise<Outcome> {
  const parsed = createCallSchema.safeParse(taskCallInput(batch as Parameters<typeof taskCallInput>[0], JSON.parse(task.input)));
  if (!parsed.success) {
    await sqlTransaction((tx) => failPendingTaskSql(tx, task.id, parsed.error.issues[0]?.message ?? "invalid task"));
    return "failed";
  }
  try {
    const row = await withUniqueRetry(() =>
      insertCall(parsed.data, {
        lane: { lane: LANES.batch, key: `batch:${batch.id}` },
        also: async (tx, call) => {
          // Two instances may dispatch this batch (Postgres): they take turns here, under the cap. On
          // SQLite one instance dispatches, and startDueTasks' count holds.
          if (dialect === "postgresql" && !(await hasRoomSql(tx, batch.id, batch.concurrency))) throw new CapReached();
          if (!(await claimTaskSql(tx, task.id, batch.id, call.id))) throw new ClaimLost();
        },
      }),
    );
    announceCreated(row.id);
    return "started";
  } catch (error) {
    if (error instanceof ClaimLost) return "lost";
    if (error instanceof CapReached) return "full";
    // The agent was deactivated, the skill unassigned, the provider refuses: this task cannot start.
    if (error instanceof ApiError) {
      await sqlTransaction((tx) => failPendingTaskSql(tx, task.id, error.message));
      return "failed";
    }
    throw error;
  }
}

/** Step 2 for one batch. Returns whether any task changed. */
async function startDueTasks(batch: BatchRow, now: Date, tickMs: number): Promise<boolean> {
  if (batch.status === "scheduled") {
    if (batch.startAt > now) return false;
    if (!(await sqlTransaction((tx) => setBatchStatusSql(tx, batch.id, ["scheduled"], "running")))) return false;
  }
  if (!inWindow(now.getTime(), batch.timezone, JSON.parse(batch.callingWindows) as CallingWindow[])) return false;
  let slots = batch.concurrency - (await countLiveInteractions(batch.id));
  if (slots <= 0) return false;
  const interval = 1000 / batch.pacingPerSecond;
  // Starts spread at `interval`; after an idle spell at most one tick's worth may start at once.
  let next = Math.max(batch.nextStartAt?.getTime() ?? 0, now.getTime() - tickMs);
  if (now.getTime() < next) return false;
  let changed = false;
  for (const task of await findDueTasks(batch.id, now, Math.min(slots, STARTS_PER_TICK))) {
    if (slots <= 0 || Date.now() < next) break;
    const outcome = await startTask(batch, task);
    if (outcome === "full") break;
    if (outcome === "lost") continue;
    changed = true;
    if (outcome === "started") {
      slots--;
      next += interval;
    }
  }
  if (changed) await sqlTransaction((tx) => setNextStartSql(tx, batch.id, new Date(next)));
  return changed;
}

/**
 * Step 3: completes a running batch with nothing open, else records batch.progress when `owesProgress`
 * and the throttle allows. Returns whether progress is still owed (throttled to a later pass).
 */
async function reportBatch(id: string, now: Date, owesProgress: boolean): Promise<boolean> {
  const row = await findBatch(id);
  if (!row) return false;
  if (row.status === "running" && !(await hasOpenTasks(id))) {
    const counts = (await countTasks([id])).get(id) ?? {};
    await sqlTransaction(async (tx) => {
      if (!(await setBatchStatusSql(tx, id, ["running"], "completed"))) return;
      const done = { ...row, status: "completed", completedAt: now, updatedAt: now };
      await recordEvent(tx, "batch.completed", null, toBatch(done, counts, now.getTime()));
    });
    return false;
  }
  if (!owesProgress) return false;
  const counts = (await countTasks([id])).get(id) ?? {};
  const recorded = await sqlTransaction(async (tx) => {
    if (!(await claimProgressSlotSql(tx, id, now, PROGRESS_EVERY_MS))) return false;
    await recordEvent(tx, "batch.progress", null, toBatch(row, counts, now.getTime()));
    return true;
  });
  return !recorded;
}

/** One pass of the dispatcher; `owed` carries batches whose progress was throttled to the next pass. */
export async function dispatchOnce(owed: Set<string>, tickMs: number, now = new Date()) {
  for (const id of await settleEndedTasks(now)) owed.add(id);
  const running = new Set<string>();
  for (const batch of await findActiveBatches()) {
    if (await startDueTasks(batch, now, tickMs)) owed.add(batch.id);
    if (batch.status === "running" || batch.startAt <= now) running.add(batch.id);
  }
  // Running batches are checked for completion even without changes: their last tasks may have failed to start.
  for (const id of new Set([...owed, ...running])) {
    if (await reportBatch(id, now, owed.has(id))) owed.add(id);
    else owed.delete(id);
  }
}

type DispatcherState = { running: boolean; stop?: () => Promise<void> };
const globalForDispatcher = globalThis as unknown as { callboardDispatcher?: DispatcherState };

export function startDispatcher() {
  if (globalForDispatcher.callboardDispatcher?.running) return;
  const state: DispatcherState = { running: true };
  globalForDispatcher.callboardDispatcher = state;
  const idle = createWakeableSleep();
  const onWake = () => idle.wake();
  batchSignal.on("wake", onWake);
  const logError = createThrottledErrorLog("batch dispatcher");
  const owed = new Set<string>();
  const loop = (async () => {
    while (state.running) {
      try {
        await dispatchOnce(owed, env.WORKER_POLL_MS);
      } catch (error) {
        logError(error);
      }
      await idle.sleep(env.WORKER_POLL_MS);
    }
  })();
  state.stop = async () => {
    state.running = false;
    idle.wake();
    batchSignal.off("wake", onWake);
    await loop;
  };
}

/** Graceful shutdown: finishes the pass under way (each start is its own transaction), up to the deadline. */
export async function stopDispatcher(deadline: number) {
  const state = globalForDispatcher.callboardDispatcher;
  if (!state?.running || !state.stop) return;
  await Promise.race([state.stop(), new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
}
