// Every inbound e-mail, from IMAP or a webhook, ends here. In order:
//   1. once only: a receipt per Message-ID, written in the same transaction as what the message caused,
//      so a restart, a second instance or a provider's retry never answers it twice;
//   2. a bounce marks the message it returns undelivered (and ends a thread whose first message bounced);
//   3. the reply is matched to its interaction by the plus-address token, then by In-Reply-To/References;
//      a message with no match starts an inbound interaction for the agent that owns the address;
//   4. machines' messages (auto-replies, lists, the agent's own address) and threads over the hourly
//      reply limit are recorded but never answered.
import { randomUUID } from "node:crypto";
import { db, isUniqueViolation, type Tx } from "@/lib/db";
import { env, publicUrl } from "@/lib/env";
import type { SqlTx } from "@/lib/sql";
import { writeTx } from "@/lib/sql";
import { insertCall } from "@/server/calls/insert";
import { createCallSchema, type EmailEnvelope } from "@/server/calls/schema";
import { isTerminal } from "@/server/calls/status";
import { appendMessage, endConversation } from "@/server/conversations/apply";
import { receiveIn } from "@/server/conversations/inbound";
import { findForWrite } from "@/server/conversations/queries";
import { wakeWorker } from "@/server/engine/signal";
import { publishCallEvent } from "@/server/events/bus";
import { type Bounce, bounceOf, newText, notAnsweredReason } from "./classify";
import { replySubject, tokenIn } from "./headers";
import { type InboundEmail, receiptKey, showAddress } from "./inbound-email";
import type { OUTCOMES } from "./service";
import {
  agentAddresses,
  countAgentReplies,
  findAgentByAddress,
  findByMessageIds,
  findByThreadToken,
  findOutgoingByMessageId,
} from "./queries";

export type Outcome = (typeof OUTCOMES)[number];
export type Received = { outcome: Outcome; interactionId: string | null; duplicate?: boolean; reason?: string | null };

type Receipt = { key: string; source: string; outcome: Outcome; reason: string | null; from: string; subject: string };

type KeptAttachment = { id: string; filename: string; contentType: string; size: number; content: Buffer };

export const attachmentUrl = (id: string) => `${publicUrl()}/api/v1/attachments/${id}`;

/** Attachments up to the size limit are kept; larger ones are listed with a note. */
function sortAttachments(mail: InboundEmail) {
  const kept: KeptAttachment[] = [];
  const listed: EmailEnvelope["attachments"] = [];
  for (const a of mail.attachments.slice(0, 20)) {
    if (a.content && a.size <= env.EMAIL_MAX_ATTACHMENT_BYTES) {
      const id = randomUUID();
      kept.push({ id, filename: a.filename, contentType: a.contentType, size: a.size, content: a.content });
      listed.push({ filename: a.filename, contentType: a.contentType, size: a.size, url: attachmentUrl(id), note: null });
    } else {
      listed.push({
        filename: a.filename,
        contentType: a.contentType,
        size: a.size,
        url: null,
        note: `Not kept: larger than the ${env.EMAIL_MAX_ATTACHMENT_BYTES}-byte limit (EMAIL_MAX_ATTACHMENT_BYTES).`,
      });
    }
  }
  return { kept, listed };
}

function envelope(mail: InboundEmail, attachments: EmailEnvelope["attachments"], notAnswered: string | null): EmailEnvelope {
  return {
    subject: mail.subject,
    from: mail.from ? showAddress(mail.from) : "",
    to: mail.to,
    cc: mail.cc,
    date: (mail.date ?? new Date()).toISOString(),
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo[0] ?? null,
    references: mail.references,
    attachments,
    notAnswered,
    hasOriginal: true,
  };
}

/** The customer's line: the new text, or a note of what the message held when it had no text. */
function contentOf(mail: InboundEmail, listed: EmailEnvelope["attachments"]): string {
  const text = newText(mail);
  if (text) return text.slice(0, 20_000);
  if (listed.length) return `(attachments: ${listed.map((a) => a.filename).join(", ")})`;
  return `(an e-mail without text${mail.subject ? `: "${mail.subject}"` : ""})`;
}

const recordReceipt = (tx: Tx, r: Receipt, interactionId: string | null) =>
  tx.emailReceipt.create({
    data: {
      key: r.key,
      source: r.source,
      interactionId,
      outcome: r.outcome,
      reason: r.reason?.slice(0, 500) ?? null,
      fromAddress: r.from.slice(0, 320),
      subject: r.subject.slice(0, 250),
    },
  });

async function recordReceiptSql(tx: SqlTx, r: Receipt, interactionId: string | null) {
  await tx.run(
    `INSERT INTO "EmailReceipt" (id, key, source, "interactionId", outcome, reason, "fromAddress", subject, "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      randomUUID(),
      r.key,
      r.source,
      interactionId,
      r.outcome,
      r.reason?.slice(0, 500) ?? null,
      r.from.slice(0, 320),
      r.subject.slice(0, 250),
      new Date(),
    ],
  );
}

async function storeAttachments(tx: Tx, interactionId: string, kept: KeptAttachment[]) {
  for (const a of kept) {
    await tx.emailAttachment.create({
      data: {
        id: a.id,
        interactionId,
        filename: a.filename,
        contentType: a.contentType,
        size: a.size,
        content: new Uint8Array(a.content),
      },
    });
  }
}

/** Records a message that will not be processed further (too large, unreadable, unrouted). */
export async function recordOnly(r: Receipt): Promise<Received> {
  try {
    await writeTx((tx) => recordReceipt(tx, r, null));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return { outcome: r.outcome, interactionId: null, duplicate: true, reason: r.reason };
  }
  console.warn(`[callboard] email: ${r.outcome} message from ${r.from || "(unknown)"}: ${r.reason ?? ""}`);
  return { outcome: r.outcome, interactionId: null, reason: r.reason };
}

async function applyBounce(mail: InboundEmail, bounce: Bounce, receipt: Receipt): Promise<Received> {
  const token = tokenIn(mail.recipients);
  const returned = await findOutgoingByMessageId(bounce.returned);
  const interactionId = returned?.interactionId ?? (token ? (await findByThreadToken(token))?.id : null) ?? null;
  const reason = `${bounce.status}: ${bounce.diagnostic}`;
  await writeTx(async (tx) => {
    await recordReceipt(tx, { ...receipt, outcome: "bounce", reason }, interactionId);
    if (!interactionId) return;
    // The interaction's row first: on Postgres this waits for a delivery recording its send right now, so
    // the status read next is the current one (a bounce can overtake that write; it must still apply).
    const exists = await tx.interaction.updateMany({ where: { id: interactionId }, data: { lastActivityAt: new Date() } });
    const call = exists.count ? await findForWrite(tx, interactionId) : null;
    if (!call) return;
    const target =
      returned ??
      (await tx.message.findFirst({
        where: { interactionId, sender: { in: ["agent", "staff"] }, internal: false },
        orderBy: { seq: "desc" },
        select: { id: true, seq: true },
      }));
    if (target)
      await tx.message.update({ where: { id: target.id }, data: { status: "undelivered", error: reason.slice(0, 500) } });
    if (isTerminal(call.status)) return;
    const customerWrote = await tx.message.count({ where: { interactionId, sender: "customer", internal: false } });
    if (customerWrote === 0) {
      await endConversation(tx, call, "undelivered", `The e-mail to ${bounce.recipient ?? "the customer"} bounced. ${reason}`);
    } else {
      await appendMessage(tx, call, { sender: "system", internal: true, content: `Not delivered (bounced): ${reason}` });
    }
  });
  if (interactionId) publishCallEvent({ callId: interactionId, kind: "status" });
  return { outcome: "bounce", interactionId, reason };
}

/** The interaction a reply belongs to: by the plus-address token, then by its thread's Message-IDs. */
async function matchThread(mail: InboundEmail): Promise<string | null> {
  const token = tokenIn(mail.recipients);
  const byToken = token ? await findByThreadToken(token) : null;
  if (byToken?.channel === "email") return byToken.id;
  const byIds = await findByMessageIds([...mail.inReplyTo, ...[...mail.references].reverse()]);
  return byIds?.interactionId ?? null;
}

async function replyInto(
  interactionId: string,
  mail: InboundEmail,
  receipt: Receipt,
  autoReason: string | null,
): Promise<Received | "ended"> {
  const { kept, listed } = sortAttachments(mail);
  const hourAgo = new Date(Date.now() - 3_600_000);
  const overLimit = !autoReason && (await countAgentReplies(interactionId, hourAgo)) >= env.EMAIL_MAX_REPLIES_PER_HOUR;
  const notAnswered =
    autoReason ??
    (overLimit ? `the agent already answered ${env.EMAIL_MAX_REPLIES_PER_HOUR} times in this thread in the past hour` : null);
  const outcome: Outcome = autoReason ? "auto-reply" : overLimit ? "rate-limited" : "answered";
  const result = await writeTx(async (tx) => {
    const call = await findForWrite(tx, interactionId);
    if (!call || isTerminal(call.status)) return "ended" as const;
    await recordReceipt(tx, { ...receipt, outcome, reason: notAnswered }, interactionId);
    await storeAttachments(tx, interactionId, kept);
    await receiveIn(
      tx,
      interactionId,
      {
        content: contentOf(mail, listed),
        externalId: mail.messageId ?? undefined,
        mediaUrl: listed.find((a) => a.url)?.url ?? null,
        email: JSON.stringify(envelope(mail, listed, notAnswered)),
        original: mail.original,
      },
      { answer: !notAnswered },
    );
    if (notAnswered) {
      await appendMessage(tx, call, { sender: "system", internal: true, content: `Not answered: ${notAnswered}.` });
    }
    return { outcome, interactionId, reason: notAnswered } satisfies Received;
  });
  return result;
}

/** A new inbound interaction: for the agent that owns one of the addresses, or the one a closed thread had. */
async function startThread(mail: InboundEmail, receipt: Receipt, owner: { agentId: string; skillId: string }): Promise<Received> {
  const from = mail.from;
  if (!from) return recordOnly({ ...receipt, outcome: "malformed", reason: "The message has no sender address." });
  const hourAgo = new Date(Date.now() - 3_600_000);
  const recent = await db.interaction.count({
    where: { channel: "email", direction: "inbound", customerEmail: from.address, createdAt: { gte: hourAgo } },
  });
  if (recent >= env.EMAIL_MAX_REPLIES_PER_HOUR) {
    return recordOnly({
      ...receipt,
      outcome: "rate-limited",
      reason: `${from.address} started ${recent} conversations in the past hour (EMAIL_MAX_REPLIES_PER_HOUR)`,
    });
  }
  const input = createCallSchema.safeParse({
    agentId: owner.agentId,
    skillId: owner.skillId,
    channel: "email",
    customerEmail: from.address,
    ...(from.name && { customerName: from.name.slice(0, 200) }),
  });
  if (!input.success)
    return recordOnly({ ...receipt, outcome: "malformed", reason: `The sender ${from.address} is not usable.` });
  const { kept, listed } = sortAttachments(mail);
  const row = await insertCall(input.data, {
    inbound: {
      firstMessage: contentOf(mail, listed),
      messageExternalId: mail.messageId ?? undefined,
      mediaUrl: listed.find((a) => a.url)?.url ?? undefined,
      subject: replySubject(mail.subject || "Your message"),
      email: JSON.stringify(envelope(mail, listed, null)),
      original: mail.original,
    },
    also: async (tx, created) => {
      await recordReceiptSql(tx, { ...receipt, outcome: "answered" }, created.id);
      for (const a of kept) {
        await tx.run(
          `INSERT INTO "EmailAttachment" (id, "interactionId", filename, "contentType", size, content, "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
          [a.id, created.id, a.filename, a.contentType, a.size, a.content, new Date()],
        );
      }
    },
  });
  publishCallEvent({ callId: row.id, kind: "status" });
  return { outcome: "answered", interactionId: row.id };
}

async function takeIn(mail: InboundEmail, receipt: Receipt): Promise<Received> {
  const bounce = bounceOf(mail);
  if (bounce) return applyBounce(mail, bounce, receipt);
  const autoReason = notAnsweredReason(mail, await agentAddresses());
  const matched = await matchThread(mail);
  if (matched) {
    const result = await replyInto(matched, mail, receipt, autoReason);
    if (result !== "ended") return result;
  }
  if (autoReason) return recordOnly({ ...receipt, outcome: "auto-reply", reason: autoReason });
  // A reply to a thread that has ended continues with the same agent in a new interaction.
  const previous = matched
    ? await db.interaction.findUnique({
        where: { id: matched },
        select: { agentId: true, skillId: true, agent: { select: { active: true } } },
      })
    : null;
  const owner = previous?.agent.active
    ? { agentId: previous.agentId, skillId: previous.skillId }
    : await findAgentByAddress(mail.recipients).then((a) => a && { agentId: a.id, skillId: a.skillId });
  if (!owner) {
    return recordOnly({
      ...receipt,
      outcome: "unrouted",
      reason: `No active agent has one of these addresses: ${mail.recipients.join(", ")}`,
    });
  }
  return startThread(mail, receipt, owner);
}

/** Takes in one inbound e-mail once; a copy seen before answers `duplicate: true` and changes nothing. */
export async function receiveEmail(mail: InboundEmail): Promise<Received> {
  const receipt: Receipt = {
    key: receiptKey(mail),
    source: mail.source,
    outcome: "recorded",
    reason: null,
    from: mail.from?.address ?? "",
    subject: mail.subject,
  };
  for (let attempt = 1; ; attempt++) {
    const seen = await db.emailReceipt.findUnique({
      where: { key: receipt.key },
      select: { outcome: true, interactionId: true },
    });
    if (seen) return { outcome: seen.outcome as Outcome, interactionId: seen.interactionId, duplicate: true };
    try {
      const result = await takeIn(mail, receipt);
      wakeWorker();
      if (result.interactionId) publishCallEvent({ callId: result.interactionId, kind: "message" });
      return result;
    } catch (error) {
      // Another instance (or a retried webhook) took the same message in at the same moment: read its receipt.
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}
