// Runs the conversation jobs of engine v2:
//   start          opens the interaction with its provider and says the agent's first line (outbound), or
//                  picks up the visitor's first message (inbound)
//   agent-turn     asks the brain for the agent's next turn and applies it
//   customer-turn  the simulated customer answers (simulator transport, played by the model)
// The slow part (the model) runs outside any transaction under a renewed lease; its result is applied in
// one transaction that also finishes the job, guarded by the lease. A worker killed mid-turn leaves the
// job leased and unfinished: another run repeats the turn, and since nothing was written, no message is
// lost or said twice.
import { env } from "@/lib/env";
import { writeTx } from "@/lib/sql";
import { isTerminal } from "@/server/calls/status";
import { publishCallEvent } from "@/server/events/bus";
import { brainFor } from "@/server/brain";
import { listEnabledActions } from "@/server/actions/queries";
import { type KnowledgeAccess, openingLine, type ToolLog } from "@/server/brain/types";
import { knowledgeBaseIdsFor, searchPassages } from "@/server/knowledge/queries";
import { simulatedCustomerTurn } from "@/server/transports/simulator/customer";
import { advanceJob, type JobRow, LostLease, postponeJob, renewLease } from "@/server/engine/queries";
import { advanceTo, appendMessage, endConversation, handOff } from "./apply";
import { brainContext } from "./context";
import { transportFor, sendsMessages } from "@/server/transports";
import { DeliveryRefused } from "@/server/transports/types";
import { deliver } from "./deliver";
import { findCarried } from "@/server/transports/carried";
import { LIVE_PATH } from "./inbound";
import { type ConversationRow, enqueue, findConversation, findForWrite, type JobKind, runningElsewhere } from "./queries";
import { markTyping, publishTyping } from "./typing";

/** Pace of the simulated customer, so a watcher can follow the conversation. */
const customerDelay = () => env.SIMULATOR_STEP_MS;

/** Places an outbound call with its provider (voice), outside any transaction: a network round trip. */
async function open(id: string): Promise<{ externalId: string } | DeliveryRefused | null> {
  const call = await findCarried(id);
  const transport = call && transportFor(call.provider);
  if (!call?.externalId && call?.status === "queued" && call.direction === "outbound" && transport?.open) {
    try {
      return await transport.open(call);
    } catch (error) {
      if (error instanceof DeliveryRefused) return error;
      throw error; // temporary: the worker retries with backoff
    }
  }
  return null;
}

async function start(job: JobRow, workerId: string) {
  const opened = await open(job.interactionId);
  return writeTx(async (tx) => {
    const call = await findForWrite(tx, job.interactionId);
    if (!call || isTerminal(call.status)) return advanceJob(tx, job, workerId, { state: "done" });
    const row = await findConversation(job.interactionId);
    if (!row) return advanceJob(tx, job, workerId, { state: "done" });
    const opening = () => openingLine(brainContext(row, []));
    if (opened instanceof DeliveryRefused) {
      const reason = opened.code ? `${opened.code}: ${opened.message}` : opened.message;
      await endConversation(tx, call, opened.status, `The provider refused the call. ${reason}`);
    } else if (opened) {
      // The call is placed; its provider's callbacks move it on, and its first line is said on answer.
      await tx.interaction.update({ where: { id: call.id }, data: { externalId: opened.externalId } });
      await advanceTo(tx, call, ["queued", "initiated"], "the provider accepted the call");
      await appendMessage(tx, call, { sender: "agent", content: opening() });
    } else if (call.direction === "inbound" && call.channel === "call") {
      // Someone phoned the agent: the call is live, and the agent greets them.
      await advanceTo(tx, call, LIVE_PATH.call, "the customer called");
      await appendMessage(tx, call, { sender: "agent", content: opening() });
    } else if (call.direction === "inbound") {
      // The customer wrote first: the interaction is live, and the agent answers.
      await advanceTo(tx, call, LIVE_PATH[call.channel] ?? LIVE_PATH.webchat, "the customer wrote first");
      await enqueue(tx, call.id, "agent-turn");
    } else if (call.provider === "webchat") {
      // Outbound chat: the first line waits on the chat page; the chat is live once the customer answers.
      await advanceTo(tx, call, ["queued", "initiated"]);
      await appendMessage(tx, call, { sender: "agent", content: opening() });
    } else if (sendsMessages(call)) {
      // A real messaging channel: the first line is queued for its transport, whose receipts move it on.
      await advanceTo(tx, call, ["queued", "initiated"]);
      await appendMessage(tx, call, { sender: "agent", content: opening() });
    } else {
      await advanceTo(tx, call, LIVE_PATH[call.channel] ?? LIVE_PATH.webchat);
      await appendMessage(tx, call, { sender: "agent", content: opening() });
      await enqueue(tx, call.id, "customer-turn", customerDelay());
    }
    await advanceJob(tx, job, workerId, { state: "done" });
  });
}

function toolLines(tools: ToolLog[]) {
  return tools.map((t) => ({
    sender: "tool" as const,
    internal: true,
    content: `${t.name}(${JSON.stringify(t.input)}) → ${t.ok ? "" : "failed: "}${t.output}`.slice(0, 4000),
  }));
}

/** Passages per automatic retrieval (the customer's latest message) and per search_knowledge call. */
const AUTO_PASSAGES = 3;
const SEARCH_PASSAGES = 5;

/** The agent's (and the skill's) knowledge bases, with what they hold for the customer's latest message. */
async function knowledgeFor(row: ConversationRow): Promise<KnowledgeAccess | null> {
  const ids = await knowledgeBaseIdsFor(row.agentId, row.skillId);
  if (ids.length === 0) return null;
  const search = async (query: string, limit = SEARCH_PASSAGES) =>
    (await searchPassages(ids, query, limit)).map((h) => ({
      passageId: h.id,
      sourceName: h.sourceName,
      heading: h.heading,
      text: h.text,
      score: h.score,
    }));
  const question = row.messages.findLast((m) => m.sender === "customer" && !m.internal)?.content ?? "";
  return { question, passages: question ? await search(question, AUTO_PASSAGES) : [], search };
}

async function agentTurn(job: JobRow, workerId: string): Promise<void> {
  const row = await findConversation(job.interactionId);
  if (!row || isTerminal(row.status) || row.takenOverById || row.needsPerson) {
    await writeTx((tx) => advanceJob(tx, job, workerId, { state: "done" }));
    return;
  }
  const brain = brainFor(row.brain);
  const actions = brain.name === "llm" ? await listEnabledActions(row.agentId) : [];
  const knowledge = brain.name === "llm" ? await knowledgeFor(row) : null;
  const seen = row.messages.length;
  const renew = setInterval(() => void renewLease(job, workerId).catch(() => {}), 5_000);
  markTyping(row.id, true);
  let decision: Awaited<ReturnType<typeof brain.decide>>;
  try {
    decision = await brain.decide(brainContext(row, actions, knowledge), { onText: (text) => publishTyping(row.id, text) });
  } finally {
    clearInterval(renew);
    markTyping(row.id, false);
  }
  await writeTx(async (tx) => {
    const call = await findForWrite(tx, job.interactionId);
    await advanceJob(tx, job, workerId, { state: "done" });
    // Staff took over, or the conversation ended, while the model was writing: its turn is dropped.
    if (!call || isTerminal(call.status) || call.takenOverById || call.needsPerson) return;
    for (const line of toolLines(decision.tools)) await appendMessage(tx, call, line);
    if (decision.reply) await appendMessage(tx, call, { sender: "agent", content: decision.reply, usage: decision.usage });
    else if (decision.usage.promptTokens || decision.usage.completionTokens) {
      await tx.interaction.update({
        where: { id: call.id },
        data: {
          promptTokens: { increment: decision.usage.promptTokens },
          completionTokens: { increment: decision.usage.completionTokens },
        },
      });
    }
    if (decision.handoff) {
      await handOff(tx, call, decision.handoff.reason);
    } else if (decision.end) {
      await endConversation(tx, call, "completed", `${decision.end.reason} (outcome: ${decision.end.outcome})`);
    } else if (call.provider === "simulator") {
      await enqueue(tx, call.id, "customer-turn", customerDelay());
    } else {
      // The customer wrote again while the agent was answering: answer that too.
      const newer = await tx.message.count({ where: { interactionId: call.id, sender: "customer", seq: { gte: seen } } });
      if (newer > 0) await enqueue(tx, call.id, "agent-turn");
    }
  });
}

async function customerTurn(job: JobRow, workerId: string): Promise<void> {
  const row = await findConversation(job.interactionId);
  if (!row || isTerminal(row.status) || row.takenOverById || row.needsPerson) {
    await writeTx((tx) => advanceJob(tx, job, workerId, { state: "done" }));
    return;
  }
  const renew = setInterval(() => void renewLease(job, workerId).catch(() => {}), 5_000);
  let said: { text: string | null; usage: { promptTokens: number; completionTokens: number } };
  try {
    said = await simulatedCustomerTurn(brainContext(row, []), row.persona);
  } finally {
    clearInterval(renew);
  }
  await writeTx(async (tx) => {
    const call = await findForWrite(tx, job.interactionId);
    await advanceJob(tx, job, workerId, { state: "done" });
    if (!call || isTerminal(call.status) || call.takenOverById || call.needsPerson) return;
    if (!said.text) {
      await endConversation(tx, call, "completed", "The simulated customer had nothing more to say.");
      return;
    }
    await appendMessage(tx, call, { sender: "customer", content: said.text, usage: said.usage });
    await enqueue(tx, call.id, "agent-turn");
  });
}

/** Runs one conversation job; failures are retried by the worker (server/engine/run-job.ts). */
export async function runConversationJob(job: JobRow, workerId: string) {
  if (job.kind !== "start" && (await runningElsewhere(job.interactionId, job.id, job.kind as JobKind))) {
    // One turn (and one delivery) at a time per conversation: wait for the other worker's to commit.
    await writeTx((tx) => postponeJob(tx, job, workerId, 500));
    return;
  }
  try {
    if (job.kind === "start") await start(job, workerId);
    else if (job.kind === "agent-turn") await agentTurn(job, workerId);
    else if (job.kind === "customer-turn") await customerTurn(job, workerId);
    else if (job.kind === "deliver") await deliver(job, workerId);
    else throw new Error(`unknown job kind ${job.kind}`);
  } catch (error) {
    if (error instanceof LostLease) return;
    throw error;
  }
  publishCallEvent({ callId: job.interactionId, kind: "message" });
}
