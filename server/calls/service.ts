// Interaction use cases: create (record + queue work in one transaction), read, list, update.
import { withUniqueRetry } from "@/lib/db";
import { ApiError, fieldError, notFound } from "@/lib/errors";
import { parseBodyValue } from "@/lib/http";
import { writeTx } from "@/lib/sql";
import { findAgent } from "@/server/agents/queries";
import type { Lane } from "@/server/engine/lanes";
import { wakeWorker } from "@/server/engine/signal";
import { publishCallEvent } from "@/server/events/bus";
import { closeAtProvider } from "@/server/transports";
import { isTerminal } from "./status";
import { insertCall } from "./insert";
import * as q from "./queries";
import { claimIdempotencyKey, hashRequestBody, releaseIdempotencyKey, saveIdempotentResponse } from "./idempotency";
import { type CreateCallInput, createCallSchema, type ListCallsQuery, type UpdateCallInput } from "./schema";
import { toCall } from "./serialize";
import { StaleStatus, transitionOrThrow } from "./transitions";

/** A new interaction: the worker starts on it, and list views (on every instance) show it at once. */
export function announceCreated(id: string) {
  wakeWorker();
  publishCallEvent({ callId: id, kind: "status" });
}

export async function createCall(input: CreateCallInput, lane?: Lane) {
  // Plain SQL (insert.ts): the hot path. A lost race on a new customer's phone or e-mail is retried.
  const row = await withUniqueRetry(() => insertCall(input, { lane }));
  announceCreated(row.id);
  return toCall(row);
}

/**
 * Create with an Idempotency-Key: the first request creates, repeats with the same body get the
 * original response (`replayed`), a different body gets 422 and a repeat during the first gets 409.
 */
export async function createCallOnce(body: Record<string, unknown>, key: string, scope: string, lane?: Lane) {
  const outcome = await claimIdempotencyKey(scope, key, hashRequestBody(body));
  if ("replay" in outcome) {
    const saved = outcome.replay as { interactionId?: string };
    return { call: saved.interactionId ? await getCall(saved.interactionId) : saved, replayed: true };
  }
  let row: Awaited<ReturnType<typeof insertCall>>;
  try {
    const input = parseBodyValue(body, createCallSchema);
    row = await withUniqueRetry(() => insertCall(input, { idempotencyKeyId: outcome.claim.id, lane }));
  } catch (error) {
    await releaseIdempotencyKey(outcome.claim);
    throw error;
  }
  announceCreated(row.id);
  const call = await toCall(row);
  // Best effort: if this write is lost, a replay re-reads the interaction bound to the key instead.
  await saveIdempotentResponse(outcome.claim, call).catch(() => {});
  return { call, replayed: false };
}

export async function getCall(id: string) {
  const row = await q.findCall(id);
  if (!row) throw notFound("Call");
  return toCall(row);
}

export async function listCalls(query: ListCallsQuery) {
  const { rows, total } = await q.listCalls(query);
  return { items: await Promise.all(rows.map(toCall)), total };
}

// A staff change can race an engine step that moves the same interaction on; it is then decided
// again against the status the interaction has now, a few times, before the caller is told to retry.
const UPDATE_ATTEMPTS = 3;

export async function updateCall(id: string, input: UpdateCallInput) {
  let before: string;
  for (let attempt = 1; ; attempt++) {
    try {
      before = await applyUpdate(id, input);
      break;
    } catch (error) {
      if (!(error instanceof StaleStatus)) throw error;
      if (attempt >= UPDATE_ATTEMPTS) {
        throw new ApiError("conflict", "The status changed while this request was being handled. Fetch the call and try again.");
      }
    }
  }
  // Ended by staff: a real call is hung up (a ringing one canceled) at its provider too.
  if (input.status && input.status !== before && isTerminal(input.status)) await closeAtProvider(id, before);
  wakeWorker();
  // Live views learn about staff changes the same way as about the engine's.
  publishCallEvent({ callId: id, kind: "updated" });
  return getCall(id);
}

function applyUpdate(id: string, input: UpdateCallInput) {
  return writeTx(async (tx) => {
    const current = await tx.interaction.findUnique({ where: { id }, select: { id: true, status: true, channel: true } });
    if (!current) throw notFound("Call");
    if (input.agentId) {
      const agent = await findAgent(input.agentId, tx);
      if (!agent) throw fieldError("agentId", `No agent has the id ${input.agentId}.`);
      if (!agent.active) throw fieldError("agentId", `The agent ${input.agentId} is inactive.`);
    }
    if (input.status && input.status !== current.status) {
      await transitionOrThrow(tx, current, input.status, "api", "changed through the API");
    }
    if (input.agentId !== undefined || input.note !== undefined) {
      await tx.interaction.update({
        where: { id },
        data: { ...(input.agentId && { agentId: input.agentId }), ...(input.note !== undefined && { note: input.note }) },
      });
    }
    return current.status;
  });
}
