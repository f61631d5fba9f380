// The one way an interaction's status changes: checked against the lifecycle table, guarded against
// concurrent changes, and recorded in the status history and the webhook outbox, all inside the caller's transaction.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { asSqlTx, type SqlTx, type SqlValue } from "@/lib/sql";
import { ApiError } from "@/lib/errors";
import { recordStatusEvents } from "@/server/webhooks/outbox";
import { queueAfterEnd } from "./after-end";
import { allowedNext, canTransition, isTerminal, type Channel, type Status } from "./status";

export type Actor = "system" | "api" | "staff" | "sweeper" | "engine";

export type TransitionResult = { ok: true } | { ok: false; reason: "illegal" | "stale" };

export type TransitionOptions = {
  actor: Actor;
  reason?: string;
  /** The engine worker making the change, recorded for multi-instance diagnostics. */
  workerId?: string;
  /** Fields set together with the status (the final duration, transcript…). */
  set?: { durationSeconds?: number; transcription?: string; hasRecording?: boolean };
};

/** The columns a change writes besides the status: timestamps, the end reason, and the caller's `set`. */
function changedColumns(from: Status, to: Status, now: Date, reason: string | undefined, set: TransitionOptions["set"] = {}) {
  const columns: [string, SqlValue][] = [
    ["status", to],
    ["lastActivityAt", now],
    ["updatedAt", now],
  ];
  if (to === "in-progress" && from !== "on-hold") columns.push(["startedAt", now]);
  if (isTerminal(to) && to !== "resolved") columns.push(["endedAt", now], ["endReason", reason ?? null]);
  if (set.durationSeconds !== undefined) columns.push(["durationSeconds", set.durationSeconds]);
  if (set.transcription !== undefined) columns.push(["transcription", set.transcription]);
  if (set.hasRecording !== undefined) columns.push(["hasRecording", set.hasRecording]);
  return columns;
}

/**
 * Written in plain SQL (lib/sql.ts), so the engine's driver transactions and the API's Prisma ones run
 * the same statements: the guarded update, the history row, the outbox events and the after-end jobs.
 */
export async function transition(
  txIn: Tx | SqlTx,
  call: { id: string; channel: string; status: string },
  to: Status,
  { actor, reason, workerId, set }: TransitionOptions,
): Promise<TransitionResult> {
  const tx = asSqlTx(txIn);
  const from = call.status as Status;
  if (!canTransition(call.channel as Channel, from, to)) return { ok: false, reason: "illegal" };
  const now = new Date();
  // The column names come from changedColumns' fixed list; the values are bound parameters.
  const columns = changedColumns(from, to, now, reason, set);
  const changed = await tx.run(
    `UPDATE "Interaction" SET ${columns.map(([name]) => `"${name}" = ?`).join(", ")} WHERE id = ? AND status = ?`,
    [...columns.map(([, value]) => value), call.id, from],
  );
  if (changed !== 1) return { ok: false, reason: "stale" };
  await tx.run(
    `INSERT INTO "StatusChange" (id, "interactionId", "fromStatus", "toStatus", actor, reason, "workerId", "createdAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [randomUUID(), call.id, from, to, actor, reason ?? null, workerId ?? null, now],
  );
  await recordStatusEvents(tx, call.id, { from, to, actor, reason });
  // Every ended interaction is analysed once, after the end, by the worker (and priced, on Twilio).
  if (isTerminal(to) && !isTerminal(from)) await queueAfterEnd(tx, call.id);
  return { ok: true };
}

/**
 * The interaction's status moved after the caller read it. Thrown inside the caller's transaction, it
 * rolls back everything the caller computed from the old status, so the caller can read again.
 */
export class StaleStatus extends Error {
  constructor(callId: string, readStatus: string) {
    super(`The interaction ${callId} is no longer "${readStatus}".`);
  }
}

/**
 * For work computed from a status read earlier in the same transaction (the engine's steps): a change
 * that lost a race throws StaleStatus instead of being skipped, so nothing is applied, and no job is
 * finished, against a status the interaction no longer has. An illegal change is only reported.
 */
export async function transitionFromRead(
  tx: Tx | SqlTx,
  call: { id: string; channel: string; status: string },
  to: Status,
  options: TransitionOptions,
): Promise<{ ok: true } | { ok: false; reason: "illegal" }> {
  const result = await transition(tx, call, to, options);
  if (!result.ok && result.reason === "stale") throw new StaleStatus(call.id, call.status);
  return result.ok ? result : { ok: false, reason: "illegal" };
}

/**
 * Records activity on an interaction that still has the status the caller read, or throws StaleStatus.
 * On Postgres the update also holds the row until commit, so no status change slips in after it.
 */
export async function touchFromRead(tx: Tx | SqlTx, call: { id: string; status: string }) {
  const now = new Date();
  const count = await asSqlTx(tx).run(
    `UPDATE "Interaction" SET "lastActivityAt" = ?, "updatedAt" = ? WHERE id = ? AND status = ?`,
    [now, now, call.id, call.status],
  );
  if (count !== 1) throw new StaleStatus(call.id, call.status);
}

/** For callers that must fail loudly: the PUT endpoint answers the allowed next statuses. */
export async function transitionOrThrow(
  tx: Tx | SqlTx,
  call: { id: string; channel: string; status: string },
  to: Status,
  actor: Actor,
  reason?: string,
) {
  const result = await transition(tx, call, to, { actor, reason });
  if (result.ok) return;
  const allowed = allowedNext(call.channel as Channel, call.status as Status);
  // The engine moved the interaction meanwhile: the caller re-reads and decides again (updateCall does).
  if (result.reason === "stale") throw new StaleStatus(call.id, call.status);
  throw new ApiError(
    "invalid_transition",
    allowed.length
      ? `A ${call.channel} interaction cannot go from "${call.status}" to "${to}". Allowed next statuses: ${allowed.join(", ")}.`
      : `The interaction is "${call.status}", which is final: its status cannot change.`,
    { allowed, details: [{ path: "status", message: `Allowed next statuses: ${allowed.join(", ") || "none"}.` }] },
  );
}
