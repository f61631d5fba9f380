// Human take-over: a staff member pauses the brain and writes to the customer as themselves, then
// hands the conversation back. Sending a staff message takes over implicitly, as in Chatwoot: nobody
// types over a bot that keeps talking.
import { ApiError, notFound } from "@/lib/errors";
import { writeTx } from "@/lib/sql";
import type { Principal } from "@/server/auth/authenticate";
import { isTerminal } from "@/server/calls/status";
import type { Tx } from "@/lib/db";
import { publishCallEvent } from "@/server/events/bus";
import { wakeWorker } from "@/server/engine/signal";
import { appendMessage } from "./apply";
import { enqueue, findForWrite, type WriteRow } from "./queries";

export type Person = { id: string; name: string };

/** Who is writing: a signed-in staff member, or the API key an integration uses. */
export function personOf(principal: Principal): Person {
  return principal.kind === "staff"
    ? { id: principal.userId, name: principal.name || principal.email }
    : { id: `api:${principal.credentialId}`, name: principal.owner?.name || principal.username };
}

async function openConversation(tx: Tx, id: string): Promise<WriteRow> {
  const call = await findForWrite(tx, id);
  if (!call) throw notFound("Call");
  if (isTerminal(call.status)) {
    throw new ApiError("invalid_transition", `The interaction is "${call.status}", which is final: nobody can write to it now.`);
  }
  if (call.channel === "call") {
    throw new ApiError(
      "invalid_transition",
      "Voice calls cannot be taken over in writing. Take-over works on web chat, SMS, WhatsApp and e-mail.",
    );
  }
  if (call.provider === "simulator" && call.brain === "scripted") {
    throw new ApiError(
      "invalid_transition",
      "This interaction plays the simulator's fixed script, which cannot be taken over. Configure a language model (LLM_BASE_URL) for conversations staff can join.",
    );
  }
  return call;
}

async function takeOverIn(tx: Tx, call: WriteRow, person: Person) {
  if (call.takenOverById === person.id) return;
  await tx.interaction.update({
    where: { id: call.id },
    data: { takenOverById: person.id, takenOverByName: person.name, needsPerson: false },
  });
  await appendMessage(tx, call, {
    sender: "system",
    internal: true,
    content: call.takenOverById
      ? `${person.name} took over from another staff member.`
      : `${person.name} took over; the agent is paused.`,
  });
  call.takenOverById = person.id;
}

function changed(id: string) {
  publishCallEvent({ callId: id, kind: "message" });
}

export async function takeOver(id: string, person: Person) {
  await writeTx(async (tx) => takeOverIn(tx, await openConversation(tx, id), person));
  changed(id);
}

export async function handBack(id: string, person: Person) {
  await writeTx(async (tx) => {
    const call = await openConversation(tx, id);
    if (!call.takenOverById)
      throw new ApiError("conflict", "Nobody has taken this interaction over, so there is nothing to hand back.");
    await tx.interaction.update({ where: { id }, data: { takenOverById: null, takenOverByName: null, needsPerson: false } });
    await appendMessage(tx, call, {
      sender: "system",
      internal: true,
      content: `${person.name} handed the conversation back to the agent.`,
    });
    // The agent answers what is waiting for it; otherwise it waits for the customer (or the simulated one).
    const last = await tx.message.findFirst({
      where: { interactionId: id, internal: false },
      orderBy: { seq: "desc" },
      select: { sender: true },
    });
    if (last?.sender === "customer") await enqueue(tx, id, "agent-turn");
    else if (call.provider === "simulator") await enqueue(tx, id, "customer-turn");
  });
  wakeWorker();
  changed(id);
}

export async function sendStaffMessage(id: string, person: Person, content: string) {
  const message = await writeTx(async (tx) => {
    const call = await openConversation(tx, id);
    await takeOverIn(tx, call, person);
    const sent = await appendMessage(tx, call, { sender: "staff", senderName: person.name, content });
    if (call.provider === "simulator") await enqueue(tx, id, "customer-turn");
    return sent;
  });
  wakeWorker();
  changed(id);
  return message;
}
