// The customer's side of web chat: open a conversation by its link, read it, write to it, end it, and
// start one from the widget. Customers are anonymous and untrusted: messages are plain text within
// limits, rate-limited per conversation and per address, and an identity is believed only with the
// host site's HMAC (as Chatwoot's identifier_hash).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { db, withUniqueRetry } from "@/lib/db";
import { env } from "@/lib/env";
import { ApiError, fieldError } from "@/lib/errors";
import { writeTx, withWriteLock } from "@/lib/sql";
import { renderTemplate } from "@/lib/templates";
import { takeToken } from "@/server/auth/rate-limit";
import { insertCall } from "@/server/calls/insert";
import type { EffectiveAgent } from "@/server/calls/schema";
import { isTerminal } from "@/server/calls/status";
import { wakeWorker } from "@/server/engine/signal";
import { publishCallEvent } from "@/server/events/bus";
import { endConversation } from "@/server/conversations/apply";
import { findForWrite } from "@/server/conversations/queries";
import type { ChatConversation, ChatMessage, ChatStartInput } from "@/server/conversations/schema";
import { isTyping } from "@/server/conversations/typing";
import { receiveFromCustomer } from "@/server/conversations/inbound";
import { chatToken, readChatToken, WIDGET_TOKEN_TTL_SECONDS } from "./link";

const NOT_FOUND = "This chat link has expired or is not valid. Ask the sender for a new link.";

/** The interaction a token opens; one clear 404 for a forged, expired or unknown link. */
export async function conversationIdOf(token: string): Promise<string> {
  const read = await readChatToken(token);
  if ("problem" in read) throw new ApiError("chat_not_found", NOT_FOUND);
  const row = await db.interaction.findUnique({ where: { id: read.id }, select: { provider: true } });
  if (row?.provider !== "webchat") throw new ApiError("chat_not_found", NOT_FOUND);
  return read.id;
}

const VISIBLE = new Set(["agent", "customer", "staff"]);

type MessageRow = { sid: string; sender: string; senderName: string | null; content: string; internal: boolean; timestamp: Date };

export function toChatMessage(m: MessageRow): ChatMessage {
  return {
    id: m.sid,
    sender: m.sender as ChatMessage["sender"],
    senderName: m.sender === "staff" ? m.senderName : null,
    content: m.content,
    timestamp: m.timestamp.toISOString(),
  };
}

export const isCustomerVisible = (m: Pick<MessageRow, "sender" | "internal">) => !m.internal && VISIBLE.has(m.sender);

export async function getConversation(id: string): Promise<ChatConversation> {
  const row = await db.interaction.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      status: true,
      effectiveAgent: true,
      customerName: true,
      customer: { select: { language: true } },
      messages: {
        select: { sid: true, sender: true, senderName: true, content: true, internal: true, timestamp: true },
        orderBy: { seq: "asc" },
      },
    },
  });
  const agent = JSON.parse(row.effectiveAgent) as EffectiveAgent;
  return {
    id: row.id,
    status: row.status,
    open: !isTerminal(row.status),
    agent: { name: agent.name, imageURL: agent.imageURL },
    customerName: row.customerName,
    language: row.customer.language ?? agent.language,
    messages: row.messages.filter(isCustomerVisible).map(toChatMessage),
    typing: isTyping(row.id),
  };
}

function limit(key: string, what: string) {
  const wait = takeToken(`chat:${key}`, env.CHAT_RATE_LIMIT_PER_MINUTE);
  if (wait > 0) {
    throw new ApiError("rate_limited", `You're sending ${what} quickly. Wait ${wait} seconds and try again.`, {
      headers: { "Retry-After": String(wait) },
    });
  }
}

/** A message from the customer: stored, the chat goes live, and the agent is asked to answer. */
export async function receiveCustomerMessage(id: string, content: string, address: string): Promise<ChatMessage> {
  limit(`conversation:${id}`, "messages");
  limit(`address:${address}`, "messages");
  const message = await receiveFromCustomer(id, { content });
  if (!message) throw new ApiError("chat_not_found", NOT_FOUND);
  return toChatMessage(message);
}

/** The customer closes the chat. */
export async function endChat(id: string) {
  const ended = await writeTx(async (tx) => {
    const call = await findForWrite(tx, id);
    if (!call) throw new ApiError("chat_not_found", NOT_FOUND);
    // A chat nobody answered yet ends as canceled; one under way as completed.
    return endConversation(tx, call, call.status === "in-progress" ? "completed" : "canceled", "The customer closed the chat.");
  });
  if (ended) publishCallEvent({ callId: id, kind: "status" });
  return getConversation(id);
}

/** The agent's key for the widget's identity hash, made on first use. */
export async function widgetSecret(agentId: string): Promise<string> {
  const row = await db.agent.findUnique({ where: { id: agentId }, select: { widgetSecret: true } });
  if (!row) throw fieldError("agentId", `No agent has the id ${agentId}.`);
  if (row.widgetSecret) return row.widgetSecret;
  const fresh = randomBytes(24).toString("base64url");
  await withWriteLock(() => db.agent.updateMany({ where: { id: agentId, widgetSecret: null }, data: { widgetSecret: fresh } }));
  return (await db.agent.findUniqueOrThrow({ where: { id: agentId }, select: { widgetSecret: true } })).widgetSecret ?? fresh;
}

export const identityHash = (secret: string, email: string) =>
  createHmac("sha256", secret).update(email.toLowerCase()).digest("hex");

async function verifiedEmail(input: ChatStartInput): Promise<string | null> {
  const email = input.customer?.email;
  if (!email || !input.customerHash) return null;
  const expected = Buffer.from(identityHash(await widgetSecret(input.agentId), email), "hex");
  const given = Buffer.from(input.customerHash, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw fieldError(
      "customerHash",
      "customerHash does not match customer.email. Compute it on your server with the agent's widget secret.",
    );
  }
  return email;
}

/** The widget's first message: a new inbound interaction, linked to a known customer only when verified. */
export async function startChat(
  input: ChatStartInput,
  address: string,
): Promise<{ token: string; conversation: ChatConversation }> {
  limit(`address:${address}`, "messages");
  const email = await verifiedEmail(input);
  const unverified = [
    input.customer?.email && !email && { name: "E-mail (unverified)", value: input.customer.email },
    input.customer?.phone && { name: "Phone (unverified)", value: input.customer.phone },
  ].filter((f): f is { name: string; value: string } => Boolean(f));
  const row = await withUniqueRetry(() =>
    insertCall(
      {
        agentId: input.agentId,
        skillId: input.skillId,
        channel: "webchat",
        ...(input.customer?.name && { customerName: input.customer.name }),
        ...(email && { customerEmail: email }),
        customerOverride: {
          ...(input.language && { language: input.language }),
          ...(unverified.length && { customFields: unverified }),
        },
      },
      { inbound: { firstMessage: input.content } },
    ),
  );
  wakeWorker();
  publishCallEvent({ callId: row.id, kind: "status" });
  return { token: await chatToken(row.id, WIDGET_TOKEN_TTL_SECONDS), conversation: await getConversation(row.id) };
}

/** What the widget shows before the first message. */
export async function widgetConfig(agentId: string, skillId: string) {
  const agent = await db.agent.findUnique({
    where: { id: agentId },
    select: {
      name: true,
      lastname: true,
      nickname: true,
      imageURL: true,
      language: true,
      initialMessage: true,
      active: true,
      skills: { where: { skillId }, select: { skill: { select: { active: true } } } },
    },
  });
  if (!agent?.active || !agent.skills[0]?.skill.active) {
    throw new ApiError("not_found", "This chat is not available. Check the widget's data-agent-id and data-skill-id.");
  }
  const name = agent.nickname || [agent.name, agent.lastname].filter(Boolean).join(" ");
  const rendered = renderTemplate(agent.initialMessage, { aiName: name });
  const greeting =
    rendered.text.trim() && rendered.unresolved.length === 0 ? rendered.text : `Hi! I'm ${name}. How can I help you today?`;
  return { agent: { name, imageURL: agent.imageURL }, greeting, language: agent.language };
}
