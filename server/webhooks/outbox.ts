// The transactional outbox: each helper writes one event row inside the caller's transaction, so an
// event exists exactly when its change committed. The webhook worker (worker.ts) fans events out.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { asSqlTx, type SqlTx } from "@/lib/sql";
import { toIso } from "@/lib/time";
import { toMessage } from "@/server/calls/serialize";
import { isTerminal } from "@/server/calls/status";
import type { EventType } from "./schema";

const encode = (data: unknown) => (data === undefined ? null : JSON.stringify(data));

/**
 * One event row, in the caller's transaction: a Prisma one (PUT, the sweeper, engine v2) or a plain-SQL
 * one (lib/sql.ts: Create Call, the simulator's steps, batches). Batch events have no call: null.
 */
export async function recordEvent(tx: Tx | SqlTx, type: EventType, callId: string | null, data?: unknown) {
  await asSqlTx(tx).run(`INSERT INTO "OutboxEvent" (id, type, "callId", payload, "createdAt") VALUES (?, ?, ?, ?, ?)`, [
    randomUUID(),
    type,
    callId,
    encode(data),
    new Date(),
  ]);
}

/**
 * The events of one status change: call.status_changed, and call.ended when it ends the interaction.
 * call.ended has no snapshot: it is built from the committed final call at send time, which this
 * same transaction completes (transcript, recording, duration), so it is never half-filled.
 */
export async function recordStatusEvents(
  tx: Tx | SqlTx,
  callId: string,
  change: { from: string; to: string; actor: string; reason?: string },
) {
  const data = { callId, status: change.to, previousStatus: change.from, actor: change.actor, reason: change.reason ?? null };
  await recordEvent(tx, "call.status_changed", callId, { ...data, at: toIso(new Date()) });
  if (isTerminal(change.to) && !isTerminal(change.from)) await recordEvent(tx, "call.ended", callId);
}

/** call.message carries the message as the call object lists it. */
export function messageEventData(callId: string, m: Parameters<typeof toMessage>[0]) {
  return { callId, message: toMessage(m) };
}
