// Database access for the conversation engine: what a turn reads, the message sequence, and the jobs.
import { randomUUID } from "node:crypto";
import { db, dialect, type Tx } from "@/lib/db";

export const JOB_KINDS = ["simulate", "start", "agent-turn", "customer-turn", "deliver", "analyze", "price"] as const;
export type JobKind = (typeof JOB_KINDS)[number];
/** The post-call analysis (server/analysis/service.ts): queued when an interaction ends, run once. */
export const ANALYZE_JOB = "analyze" satisfies JobKind;
/** The provider's price (server/transports/twilio/price.ts): fetched after the end, until the provider has rated it. */
export const PRICE_JOB = "price" satisfies JobKind;
/**
 * The jobs that run after the end, in the background lane (server/engine/lanes.ts). Ending an
 * interaction's work leaves them queued; as SQL, for the queue's own queries.
 */
export const AFTER_END_JOBS: JobKind[] = [ANALYZE_JOB, PRICE_JOB];
export const AFTER_END_JOBS_SQL = `(${AFTER_END_JOBS.map((kind) => `'${kind}'`).join(", ")})`;

/** Everything an agent turn needs, read outside any transaction (the model call is slow). */
export const findConversation = (id: string) =>
  db.interaction.findUnique({
    where: { id },
    select: {
      id: true,
      channel: true,
      status: true,
      provider: true,
      brain: true,
      direction: true,
      persona: true,
      agentId: true,
      skillId: true,
      effectiveAgent: true,
      customFields: true,
      initialMessage: true,
      prompt: true,
      customerName: true,
      customerPhone: true,
      customerEmail: true,
      takenOverById: true,
      needsPerson: true,
      customer: { select: { firstName: true, language: true } },
      skill: { select: { name: true } },
      agent: { select: { llmModel: true, llmTemperature: true } },
      messages: {
        select: { seq: true, sender: true, senderName: true, content: true, internal: true },
        orderBy: { seq: "asc" },
      },
    },
  });
export type ConversationRow = NonNullable<Awaited<ReturnType<typeof findConversation>>>;

/**
 * The interaction as a write re-reads it inside its transaction. On Postgres the row is locked first
 * (FOR UPDATE) and held until commit: a provider's callbacks arrive in parallel (Twilio's answer webhook
 * and its status callback, say), and without the lock the one that commits second would find the
 * status moved under it and silently skip its change. SQLite's writers already take turns.
 */
export async function findForWrite(tx: Tx, id: string) {
  if (dialect === "postgresql") await tx.$executeRaw`SELECT 1 FROM "Interaction" WHERE "id" = ${id} FOR UPDATE`;
  return readForWrite(tx, id);
}

const readForWrite = (tx: Tx, id: string) =>
  tx.interaction.findUnique({
    where: { id },
    select: {
      id: true,
      channel: true,
      status: true,
      provider: true,
      brain: true,
      direction: true,
      takenOverById: true,
      needsPerson: true,
    },
  });
export type WriteRow = NonNullable<Awaited<ReturnType<typeof readForWrite>>>;

export async function nextSeq(tx: Tx, interactionId: string): Promise<number> {
  const last = await tx.message.findFirst({ where: { interactionId }, orderBy: { seq: "desc" }, select: { seq: true } });
  return (last?.seq ?? -1) + 1;
}

/** Queues a job; a pending job of the same kind that has not started yet already covers it. */
export async function enqueue(tx: Tx, interactionId: string, kind: JobKind, delayMs = 0) {
  const waiting = await tx.job.findFirst({
    where: { interactionId, kind, state: "pending", lockedBy: null },
    select: { id: true },
  });
  if (waiting) return;
  await tx.job.create({
    data: { id: randomUUID(), interactionId, kind, runAt: new Date(Date.now() + delayMs) },
  });
}

/**
 * Another job of the same sort is running for this conversation right now (a second worker, or a second
 * instance on Postgres): turns take turns, and one delivery at a time keeps lines in order and unrepeated.
 */
export async function runningElsewhere(interactionId: string, jobId: string, kind: JobKind) {
  const other = await db.job.findFirst({
    where: {
      interactionId,
      id: { not: jobId },
      state: "pending",
      kind: { in: kind === "deliver" ? ["deliver"] : ["agent-turn", "customer-turn"] },
      lockedUntil: { gt: new Date() },
    },
    select: { id: true },
  });
  return Boolean(other);
}
