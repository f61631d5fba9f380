// The engine alone applies what happens in a conversation: messages from any side, the brain's
// decisions, take-over and hand-back, and the end. Every write goes through here, inside the caller's
// transaction, together with the status change, the webhook outbox row and the next job; live events
// are published by the caller after the commit.
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import { type Status, isTerminal } from "@/server/calls/status";
import { insertMessage } from "@/server/calls/messages";
import { transition } from "@/server/calls/transitions";
import { messageEventData, recordEvent } from "@/server/webhooks/outbox";
import type { Usage } from "@/server/brain/types";
import { messageSid } from "@/server/channels/simulator/script";
import type { Channel } from "@/server/calls/status";
import { sendsMessages } from "@/server/transports";
import { AFTER_END_JOBS, enqueue, nextSeq, type WriteRow } from "./queries";

export type Sender = "agent" | "customer" | "staff" | "system" | "tool";

export type NewMessage = {
  sender: Sender;
  content: string;
  senderName?: string | null;
  internal?: boolean;
  status?: string;
  usage?: Usage;
  /** The provider's id for a message it brought (a MessageSid, an e-mail's Message-ID). */
  externalId?: string | null;
  mediaUrl?: string | null;
  /** E-mail: the envelope (JSON, see emailEnvelopeSchema) and the original as received. */
  email?: string | null;
  original?: string | null;
};

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

const isOutgoing = (m: NewMessage) => !m.internal && (m.sender === "agent" || m.sender === "staff");

/**
 * A message's first delivery status: what the customer sent was received; what a transport will send
 * waits queued for it; what the simulator or web chat shows them is sent at once.
 */
function initialStatus(call: Pick<WriteRow, "provider" | "channel">, m: NewMessage): string {
  if (m.status) return m.status;
  if (m.internal) return "logged";
  if (m.sender === "customer") return "received";
  return isOutgoing(m) && sendsMessages(call) ? "queued" : "sent";
}

export async function appendMessage(tx: Tx, call: Pick<WriteRow, "id" | "channel" | "provider">, m: NewMessage) {
  // The interaction's row first: on Postgres the update holds its lock until commit, so concurrent writers
  // to one conversation (the customer and the agent's turn) take their sequence numbers one after the other.
  await tx.interaction.update({
    where: { id: call.id },
    data: {
      lastActivityAt: new Date(),
      ...(m.usage && {
        promptTokens: { increment: m.usage.promptTokens },
        completionTokens: { increment: m.usage.completionTokens },
      }),
    },
  });
  const seq = await nextSeq(tx, call.id);
  const message = await insertMessage(tx, {
    interactionId: call.id,
    seq,
    sid: messageSid(call.channel as Channel, call.id, seq, sha),
    sender: m.sender,
    senderName: m.senderName,
    internal: m.internal,
    content: m.content,
    mediaUrl: m.mediaUrl,
    externalId: m.externalId,
    status: initialStatus(call, m),
    email: m.email,
    original: m.original,
    promptTokens: m.usage?.promptTokens,
    completionTokens: m.usage?.completionTokens,
  });
  await recordEvent(tx, "call.message", call.id, messageEventData(call.id, message));
  if (message.status === "queued") await enqueue(tx, call.id, "deliver");
  return message;
}

/** Moves the interaction along `path`, skipping the statuses it has already passed. */
export async function advanceTo(tx: Tx, call: WriteRow, path: Status[], reason?: string) {
  let current = call.status;
  const start = path.indexOf(current as Status);
  for (const to of path.slice(start + 1)) {
    const result = await transition(tx, { ...call, status: current }, to, { actor: "engine", reason });
    if (!result.ok) break;
    current = to;
  }
  call.status = current;
}

const LABEL: Record<string, string> = { agent: "Agent", customer: "Customer", staff: "Staff", system: "System" };

/** "Agent: …" lines; staff lines name who wrote them. Tool calls and notes stay out of the transcript. */
export function transcriptOf(messages: { sender: string; senderName: string | null; content: string; internal: boolean }[]) {
  return messages
    .filter((m) => !m.internal && m.sender !== "tool")
    .map(
      (m) => `${m.sender === "staff" && m.senderName ? `Staff (${m.senderName})` : (LABEL[m.sender] ?? m.sender)}: ${m.content}`,
    )
    .join("\n");
}

/** Ends an open conversation with its transcript and duration; false when it had already ended. */
export async function endConversation(
  tx: Tx,
  call: WriteRow,
  to: Status,
  reason: string,
  actor: "engine" | "staff" | "api" = "engine",
  /** The provider's own measure of the call (Twilio's CallDuration), which wins over Callboard's clock. */
  durationSeconds?: number,
) {
  if (isTerminal(call.status)) return false;
  const row = await tx.interaction.findUniqueOrThrow({
    where: { id: call.id },
    select: {
      startedAt: true,
      createdAt: true,
      messages: { select: { sender: true, senderName: true, content: true, internal: true }, orderBy: { seq: "asc" } },
    },
  });
  const started = row.startedAt ?? row.createdAt;
  const result = await transition(tx, call, to, {
    actor,
    reason,
    set: {
      durationSeconds: durationSeconds ?? Math.max(1, Math.round((Date.now() - started.getTime()) / 1000)),
      transcription: transcriptOf(row.messages),
      // The simulator "records" every call it plays; a real call's recording arrives from its provider.
      ...(call.provider === "simulator" && { hasRecording: call.channel === "call" }),
    },
  });
  if (!result.ok) return false;
  await tx.interaction.update({ where: { id: call.id }, data: { needsPerson: false } });
  await tx.job.updateMany({
    // What the transition just queued for after the end (the analysis, the price) is all an ended interaction keeps.
    where: { interactionId: call.id, state: "pending", lockedBy: null, kind: { notIn: AFTER_END_JOBS } },
    data: { state: "done" },
  });
  return true;
}

export const HOLDING_MESSAGE = "Thanks for your patience. I'm bringing in a colleague who will reply here shortly.";

/** The brain handed off (or failed): staff are asked to step in and the customer is told. */
export async function handOff(tx: Tx, call: WriteRow, reason: string) {
  await tx.interaction.update({ where: { id: call.id }, data: { needsPerson: true, handoffReason: reason.slice(0, 500) } });
  await appendMessage(tx, call, { sender: "system", content: `Handed to staff: ${reason}`, internal: true });
  if (call.channel !== "call") await appendMessage(tx, call, { sender: "agent", content: HOLDING_MESSAGE });
  call.needsPerson = true;
}
