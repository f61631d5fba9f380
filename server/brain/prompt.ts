// What the model is told: the system prompt (instructions, customer facts, channel style, language,
// time) and the conversation as chat messages. Pure functions, unit-tested in prompt.test.ts.
import type { ModelMessage } from "ai";
import type { Channel } from "@/server/calls/status";
import type { BrainContext, ConversationLine, KnowledgePassage } from "./types";

const CHANNEL_STYLE: Record<Channel, string> = {
  call: "This is a phone call: answer in short spoken sentences, one idea at a time, with no lists, links or formatting.",
  sms: "This is an SMS conversation: keep every reply under 320 characters, plain text, no formatting.",
  whatsapp: "This is a WhatsApp conversation: keep replies short and friendly, plain text, at most one emoji.",
  email:
    "This is an e-mail conversation: write a complete, polite letter with a greeting and a sign-off, in plain text, that answers the customer's e-mail and keeps to its subject.",
  webchat: "This is a live web chat: reply in one to three short sentences of plain text, as a helpful person would type.",
};

function facts(context: BrainContext): string {
  const lines = [
    `Name: ${context.customer.name || "unknown"}`,
    context.customer.phone && `Phone: ${context.customer.phone}`,
    context.customer.email && `E-mail: ${context.customer.email}`,
    ...context.customFields.map((f) => `${f.name}: ${String(f.value)}`),
  ].filter(Boolean);
  return lines.join("\n");
}

/** Passages as the model reads them: numbered, with the source's name and heading. */
export function formatPassages(passages: KnowledgePassage[]): string {
  return passages.map((p, i) => `[${i + 1}] ${p.sourceName}${p.heading ? ` › ${p.heading}` : ""}\n${p.text}`).join("\n\n");
}

function knowledgeSection(context: BrainContext): string | null {
  const knowledge = context.knowledge;
  if (!knowledge) return null;
  const found = knowledge.passages.length
    ? `Passages of the knowledge base for the customer's latest message:\n${formatPassages(knowledge.passages)}`
    : "No passage of the knowledge base matches the customer's latest message.";
  return [
    "Grounding rule: answer questions about the company, its products, policies and procedures only from the " +
      "knowledge base's passages (below, or found with search_knowledge) or from what is on file about this " +
      "interaction. When they do not hold the answer, say honestly that you do not know, and offer to get a " +
      "person: call transfer_to_human. Do not mention passage numbers or the knowledge base to the customer.",
    found,
  ].join("\n\n");
}

export function systemPrompt(context: BrainContext): string {
  return [
    `You are ${context.agentName}, an agent of the ${context.skillName} team, talking with a customer.`,
    context.instructions.trim() && `Your instructions:\n${context.instructions.trim()}`,
    `What is on file about the customer:\n${facts(context)}`,
    CHANNEL_STYLE[context.channel],
    `Answer in the customer's language; the expected language is ${context.language}.`,
    `The current time is ${context.now.toISOString()}.`,
    "Never invent facts that are not on file or returned by a tool.",
    "When the customer's request is handled and they have nothing more, say goodbye and call end_interaction.",
    "When the customer asks for a person, or you cannot help, call transfer_to_human with the reason.",
    "Messages marked as written by staff were sent by a human colleague: carry on from them.",
    knowledgeSection(context),
  ]
    .filter(Boolean)
    .join("\n\n");
}

function toMessage(line: ConversationLine): ModelMessage | null {
  if (line.internal || line.sender === "system" || line.sender === "tool") return null;
  if (line.sender === "customer") return { role: "user", content: line.content };
  if (line.sender === "staff") {
    return { role: "assistant", content: `[written by staff member ${line.senderName ?? "a colleague"}] ${line.content}` };
  }
  return { role: "assistant", content: line.content };
}

/** The conversation as chat messages; consecutive lines of one side are joined, as APIs expect turns to alternate. */
export function conversationMessages(history: ConversationLine[]): ModelMessage[] {
  const out: { role: "user" | "assistant"; content: string }[] = [];
  for (const line of history) {
    const message = toMessage(line) as { role: "user" | "assistant"; content: string } | null;
    if (!message) continue;
    const previous = out[out.length - 1];
    if (previous?.role === message.role) previous.content += `\n${message.content}`;
    else out.push({ ...message });
  }
  return out;
}
