// The "deliver" job: hands the agent's and staff's lines to the interaction's transport (Twilio, SMTP),
// in order, outside any transaction. Each line is recorded as sent (with the provider's id) in its own
// transaction right after the provider accepted it, so a worker killed mid-job resends at most the one
// line whose acceptance it had not recorded yet; the job's lease keeps other workers off meanwhile.
// A permanent refusal of the opening line ends the interaction with the provider's reason; a refusal
// later in the conversation is noted for staff, who can step in.
import { db } from "@/lib/db";
import { writeTx } from "@/lib/sql";
import { isTerminal } from "@/server/calls/status";
import { publishCallEvent } from "@/server/events/bus";
import { advanceJob, type JobRow, LostLease, renewLease } from "@/server/engine/queries";
import { transportFor } from "@/server/transports";
import { findCarried } from "@/server/transports/carried";
import { DeliveryRefused, type Sent } from "@/server/transports/types";
import { movesForward } from "@/server/transports/message-status";
import { advanceTo, appendMessage, endConversation } from "./apply";
import { findForWrite } from "./queries";

export const OUTGOING_SENDERS = ["agent", "staff"];

/** The opening path of a messaging interaction up to its first line leaving the provider. */
const TO_SENT = ["queued", "initiated", "sent"] as const;

const reasonOf = (refused: DeliveryRefused) => (refused.code ? `${refused.code}: ${refused.message}` : refused.message);

async function record(job: JobRow, messageId: string, first: boolean, result: Sent | DeliveryRefused) {
  await writeTx(async (tx) => {
    const call = await findForWrite(tx, job.interactionId);
    const message = await tx.message.findUniqueOrThrow({ where: { id: messageId }, select: { status: true } });
    if (result instanceof DeliveryRefused) {
      await tx.message.update({
        where: { id: messageId },
        data: { status: result.status, error: reasonOf(result).slice(0, 500) },
      });
      if (!call || isTerminal(call.status)) return;
      if (first) {
        await endConversation(tx, call, result.status, `The first message could not be sent. ${reasonOf(result)}`);
      } else {
        await appendMessage(tx, call, { sender: "system", internal: true, content: `Not delivered: ${reasonOf(result)}` });
      }
      return;
    }
    const status = result.status ?? "sent";
    // A status callback may have overtaken this write; it never moves the message back.
    await tx.message.update({
      where: { id: messageId },
      data: {
        externalId: result.externalId,
        ...(result.email && { email: JSON.stringify(result.email) }),
        ...(movesForward(message.status, status) && { status }),
      },
    });
    if (first && call && !isTerminal(call.status)) await advanceTo(tx, call, [...TO_SENT], "the first message left the provider");
  });
  publishCallEvent({ callId: job.interactionId, kind: "message" });
}

export async function deliver(job: JobRow, workerId: string) {
  const call = await findCarried(job.interactionId);
  const transport = call && transportFor(call.provider);
  if (!call || !transport?.send) {
    await writeTx((tx) => advanceJob(tx, job, workerId, { state: "done" }));
    return;
  }
  const outgoing = { interactionId: call.id, internal: false, sender: { in: OUTGOING_SENDERS } };
  const firstSeq = (await db.message.findFirst({ where: outgoing, orderBy: { seq: "asc" }, select: { seq: true } }))?.seq;
  const pending = await db.message.findMany({
    where: { ...outgoing, status: "queued", externalId: null },
    orderBy: { seq: "asc" },
    select: { id: true, seq: true, sid: true, sender: true, senderName: true, content: true },
  });
  for (const message of pending) {
    // Another worker owns the job now (this one stalled past its lease): it sends the rest.
    if (!(await renewLease(job, workerId))) throw new LostLease(`job ${job.id}`);
    const first = message.seq === firstSeq;
    let result: Sent | DeliveryRefused;
    try {
      result = await transport.send(call, { ...message, first });
    } catch (error) {
      if (!(error instanceof DeliveryRefused)) throw error; // temporary: the worker retries with backoff
      result = error;
    }
    await record(job, message.id, first, result);
    if (result instanceof DeliveryRefused && first) break;
  }
  await writeTx((tx) => advanceJob(tx, job, workerId, { state: "done" }));
}
