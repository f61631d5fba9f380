// SMS and WhatsApp from Twilio's side: a customer's text continues their open conversation with that
// agent number, or starts an inbound one; delivery receipts update each message, and the opening
// message's receipts move the interaction along the messaging lifecycle. Every write is idempotent: a
// receipt or a message Twilio sends twice changes nothing the second time.
import { db, withUniqueRetry } from "@/lib/db";
import { env } from "@/lib/env";
import { writeTx } from "@/lib/sql";
import { insertCall } from "@/server/calls/insert";
import { isTerminal, TERMINAL } from "@/server/calls/status";
import { advanceTo, appendMessage, endConversation } from "@/server/conversations/apply";
import { OUTGOING_SENDERS } from "@/server/conversations/deliver";
import { receiveFromCustomer } from "@/server/conversations/inbound";
import { findForWrite } from "@/server/conversations/queries";
import { wakeWorker } from "@/server/engine/signal";
import { publishCallEvent } from "@/server/events/bus";
import { movesForward } from "../message-status";
import { agentByPhone } from "./transport";

/** Twilio's common delivery error codes, so a failure reads as a reason and not a number. */
const ERRORS: Record<string, string> = {
  "21211": "Invalid 'To' phone number",
  "21610": "The customer has replied STOP and unsubscribed",
  "30003": "Unreachable destination handset",
  "30004": "Message blocked",
  "30005": "Unknown destination handset",
  "30006": "Landline or unreachable carrier",
  "30007": "Filtered by the carrier as spam",
  "30008": "Unknown error",
  "63016": "Outside WhatsApp's 24-hour window: only an approved template may be sent",
};

export const twilioError = (code?: string, message?: string) =>
  code
    ? `Twilio error ${code}: ${message || ERRORS[code] || "see twilio.com/docs/api/errors"}`
    : message || "Twilio reported a failure";

const bare = (address: string) => address.replace(/^whatsapp:/, "");

export type InboundText = {
  MessageSid: string;
  From: string;
  To: string;
  Body: string;
  NumMedia: number;
  MediaUrl0?: string;
  ProfileName?: string;
};

/** The agent who answers a number: its own phone, else (one shared WhatsApp sender) whom the customer last spoke to. */
async function answeringAgent(channel: "sms" | "whatsapp", customer: string, to: string) {
  const owner = await agentByPhone(to);
  if (owner?.skills[0]) return { agentId: owner.id, skillId: owner.skills[0].skillId };
  if (channel === "whatsapp" && env.TWILIO_WHATSAPP_FROM === `whatsapp:${to}`) {
    const last = await db.interaction.findFirst({
      where: { channel, customerPhone: customer, agent: { active: true } },
      orderBy: { createdAt: "desc" },
      select: { agentId: true, skillId: true },
    });
    if (last) return last;
  }
  return null;
}

/** An inbound SMS or WhatsApp message; returns the interaction it went to, or null when no agent owns the number. */
export async function receiveText(m: InboundText): Promise<string | null> {
  const channel = m.From.startsWith("whatsapp:") ? "whatsapp" : "sms";
  const customer = bare(m.From);
  const to = bare(m.To);
  const content = m.Body.trim() || (m.NumMedia > 0 ? "(attachment)" : "(empty message)");
  const already = await db.message.findFirst({ where: { externalId: m.MessageSid }, select: { interactionId: true } });
  if (already) return already.interactionId;
  const open = await db.interaction.findFirst({
    where: {
      provider: "twilio",
      channel,
      customerPhone: customer,
      status: { notIn: [...TERMINAL] },
      ...(channel === "sms" || env.TWILIO_WHATSAPP_FROM !== `whatsapp:${to}` ? { agentPhone: to } : {}),
    },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  if (open) {
    await receiveFromCustomer(open.id, { content, externalId: m.MessageSid, mediaUrl: m.MediaUrl0 ?? null });
    return open.id;
  }
  const agent = await answeringAgent(channel, customer, to);
  if (!agent) return null;
  const row = await withUniqueRetry(() =>
    insertCall(
      {
        ...agent,
        channel,
        customerPhone: customer,
        ...(m.ProfileName && { customerName: m.ProfileName.slice(0, 100) }),
      },
      { inbound: { firstMessage: content, messageExternalId: m.MessageSid, mediaUrl: m.MediaUrl0 } },
    ),
  );
  wakeWorker();
  publishCallEvent({ callId: row.id, kind: "status" });
  return row.id;
}

const LIFECYCLE: Record<string, string[]> = {
  sent: ["queued", "initiated", "sent"],
  delivered: ["queued", "initiated", "sent", "delivered"],
  read: ["queued", "initiated", "sent", "delivered", "read"],
};

/** A delivery receipt for one of Callboard's messages. */
export async function applyMessageStatus(
  messageId: string,
  r: { MessageSid: string; MessageStatus: string; ErrorCode?: string; ErrorMessage?: string },
) {
  const changed = await writeTx(async (tx) => {
    const message = await tx.message.findUnique({
      where: { id: messageId },
      select: { id: true, seq: true, status: true, externalId: true, interactionId: true },
    });
    if (!message || (message.externalId && message.externalId !== r.MessageSid)) return false;
    if (!movesForward(message.status, r.MessageStatus)) return false;
    const failed = r.MessageStatus === "failed" || r.MessageStatus === "undelivered";
    const reason = failed ? twilioError(r.ErrorCode, r.ErrorMessage) : null;
    await tx.message.update({
      where: { id: message.id },
      data: { status: r.MessageStatus, externalId: r.MessageSid, ...(reason && { error: reason.slice(0, 500) }) },
    });
    const call = await findForWrite(tx, message.interactionId);
    if (!call || isTerminal(call.status)) return true;
    const first = await tx.message.findFirst({
      where: { interactionId: call.id, internal: false, sender: { in: OUTGOING_SENDERS } },
      orderBy: { seq: "asc" },
      select: { seq: true },
    });
    if (first?.seq !== message.seq || call.direction !== "outbound") {
      if (reason) await appendMessage(tx, call, { sender: "system", internal: true, content: `Not delivered: ${reason}` });
      return true;
    }
    // The opening message decides whether the interaction reached the customer at all.
    if (reason) await endConversation(tx, call, r.MessageStatus === "failed" ? "failed" : "undelivered", reason);
    else if (LIFECYCLE[r.MessageStatus]) {
      const path = LIFECYCLE[r.MessageStatus].filter((s) => s !== "read" || call.channel === "whatsapp");
      await advanceTo(tx, call, path as never, `Twilio reported the first message ${r.MessageStatus}`);
    }
    return true;
  });
  if (changed) {
    const row = await db.message.findUnique({ where: { id: messageId }, select: { interactionId: true } });
    if (row) publishCallEvent({ callId: row.interactionId, kind: "message" });
  }
}
