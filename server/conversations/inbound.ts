// A customer's message into an open conversation, from any channel (web chat, Twilio, e-mail): stored,
// the interaction goes live, and the agent is asked to answer unless staff have it. A provider's retry of
// the same message (same externalId) is recognised and changes nothing.
import type { Tx } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { writeTx } from "@/lib/sql";
import { isTerminal, type Status } from "@/server/calls/status";
import { wakeWorker } from "@/server/engine/signal";
import { publishCallEvent } from "@/server/events/bus";
import { advanceTo, appendMessage } from "./apply";
import { enqueue, findForWrite } from "./queries";

export type FromCustomer = {
  content: string;
  externalId?: string;
  mediaUrl?: string | null;
  /** E-mail: the envelope (JSON, see emailEnvelopeSchema) and the original as received. */
  email?: string | null;
  original?: string | null;
};

/** The path from a new interaction to a live conversation on each channel, as the status table allows. */
export const LIVE_PATH: Record<string, Status[]> = {
  call: ["queued", "initiated", "ringing", "in-progress"],
  sms: ["queued", "initiated", "sent", "delivered", "in-progress"],
  email: ["queued", "initiated", "sent", "delivered", "in-progress"],
  whatsapp: ["queued", "initiated", "sent", "delivered", "read", "in-progress"],
  webchat: ["queued", "initiated", "in-progress"],
};

/**
 * Inside the caller's transaction; null when the message was already received (a provider's retry).
 * `answer: false` records it without asking the agent and without moving the interaction on (an
 * auto-reply, a loop): staff still see it.
 */
export async function receiveIn(tx: Tx, id: string, m: FromCustomer, { answer = true } = {}) {
  if (m.externalId) {
    const seen = await tx.message.findFirst({ where: { interactionId: id, externalId: m.externalId }, select: { id: true } });
    if (seen) return null;
  }
  const call = await findForWrite(tx, id);
  if (!call) throw new ApiError("not_found", "This conversation does not exist.");
  if (isTerminal(call.status)) throw new ApiError("chat_closed", "This conversation has ended. Start a new one to write again.");
  const saved = await appendMessage(tx, call, {
    sender: "customer",
    content: m.content,
    externalId: m.externalId,
    mediaUrl: m.mediaUrl,
    email: m.email,
    original: m.original,
  });
  if (!answer) return saved;
  await advanceTo(tx, call, LIVE_PATH[call.channel] ?? LIVE_PATH.webchat, "the customer replied");
  if (!call.takenOverById && !call.needsPerson) await enqueue(tx, id, "agent-turn");
  return saved;
}

export async function receiveFromCustomer(id: string, m: FromCustomer) {
  const saved = await writeTx((tx) => receiveIn(tx, id, m));
  if (saved) {
    wakeWorker();
    publishCallEvent({ callId: id, kind: "message" });
  }
  return saved;
}
