// Database reads of the e-mail transport: a thread's ids for the next message's headers, and which
// interaction or agent an inbound message belongs to. Writes go through the engine (server/conversations).
import { db } from "@/lib/db";
import type { EffectiveAgent } from "@/server/calls/schema";
import { untagged } from "./headers";

/** What the next message of a thread needs: its subject, token, sender name, and the ids before it. */
export async function findThread(interactionId: string, beforeSeq: number) {
  const row = await db.interaction.findUnique({
    where: { id: interactionId },
    select: {
      subject: true,
      threadToken: true,
      direction: true,
      effectiveAgent: true,
      messages: {
        where: {
          seq: { lt: beforeSeq },
          internal: false,
          externalId: { not: null },
          sender: { in: ["customer", "agent", "staff"] },
        },
        select: { externalId: true, email: true },
        orderBy: { seq: "asc" },
      },
    },
  });
  if (!row) return null;
  // The customer's first message may continue a thread older than this interaction: keep its references.
  const first = row.messages[0]?.email ? (JSON.parse(row.messages[0].email) as { references?: string[] }) : null;
  return {
    subject: row.subject,
    threadToken: row.threadToken,
    direction: row.direction,
    agentName: (JSON.parse(row.effectiveAgent) as EffectiveAgent).name,
    ids: [...(first?.references ?? []), ...row.messages.map((m) => m.externalId as string)],
  };
}

const OPEN_CHANNEL = { channel: "email" };

export const findByThreadToken = (token: string) =>
  db.interaction.findUnique({ where: { threadToken: token }, select: { id: true, channel: true } });

/** The interaction one of these Message-IDs belongs to (ours or the customer's earlier ones), the newest first. */
export async function findByMessageIds(ids: string[]) {
  if (ids.length === 0) return null;
  const message = await db.message.findFirst({
    where: { externalId: { in: ids }, interaction: OPEN_CHANNEL },
    orderBy: { timestamp: "desc" },
    select: { interactionId: true, id: true, seq: true, sender: true },
  });
  return message;
}

/** An outgoing message by its Message-ID (a bounce names the message it returns). */
export const findOutgoingByMessageId = (ids: string[]) =>
  ids.length === 0
    ? null
    : db.message.findFirst({
        where: { externalId: { in: ids }, sender: { in: ["agent", "staff"] }, interaction: OPEN_CHANNEL },
        select: { id: true, interactionId: true, seq: true },
      });

/** The active agent whose address one of these is, with its first active skill: who a new e-mail is for. */
export async function findAgentByAddress(addresses: string[]) {
  const lower = [...new Set(addresses.map((a) => a.toLowerCase()))].slice(0, 50);
  if (lower.length === 0) return null;
  const agents = await db.agent.findMany({
    where: { active: true, email: { not: null } },
    select: {
      id: true,
      email: true,
      skills: { where: { skill: { active: true } }, select: { skillId: true }, orderBy: { skill: { name: "asc" } }, take: 1 },
    },
  });
  // Addresses are compared without case, and a plus-tag still reaches its agent (ava+x@ is ava@).
  const wanted = new Set(lower.map(untagged));
  const agent = agents.find((a) => a.email && wanted.has(untagged(a.email)) && a.skills.length > 0);
  return agent ? { id: agent.id, skillId: agent.skills[0].skillId } : null;
}

/** Every agent address, lower-cased: mail from one of them is the agent's own and is never answered. */
export async function agentAddresses(): Promise<Set<string>> {
  const rows = await db.agent.findMany({ where: { email: { not: null } }, select: { email: true } });
  return new Set(rows.map((r) => (r.email as string).toLowerCase()));
}

/** How many lines the agent sent in this interaction since `since`. */
export const countAgentReplies = (interactionId: string, since: Date) =>
  db.message.count({ where: { interactionId, sender: "agent", internal: false, timestamp: { gte: since } } });
