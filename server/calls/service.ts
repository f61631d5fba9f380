// Interaction use cases: create (record + queue work in one transaction), read, list, update.
import { db, withUniqueRetry } from "@/lib/db";
import { fieldError, notFound } from "@/lib/errors";
import { withWriteLock } from "@/lib/sql";
import { findAgent } from "@/server/agents/queries";
import { wakeWorker } from "@/server/engine/signal";
import { publishCallEvent } from "@/server/events/bus";
import { insertCall } from "./insert";
import * as q from "./queries";
import type { CreateCallInput, ListCallsQuery, UpdateCallInput } from "./schema";
import { toCall } from "./serialize";
import { transitionOrThrow } from "./transitions";

export async function createCall(input: CreateCallInput) {
  // Plain SQL (insert.ts): the hot path. A lost race on a new customer's phone or e-mail is retried.
  const row = await withUniqueRetry(() => insertCall(input));
  wakeWorker();
  return toCall(row);
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

export async function updateCall(id: string, input: UpdateCallInput) {
  await withWriteLock(() =>
    db.$transaction(async (tx) => {
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
    }),
  );
  wakeWorker();
  // Live views learn about staff changes the same way as about the engine's.
  publishCallEvent({ callId: id, kind: "updated" });
  return getCall(id);
}
