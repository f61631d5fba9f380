// The built-in simulator provider: plays the script from script.ts, one step per job run, with
// realistic pacing and per-message delivery statuses. Voice interactions end with a transcript and a
// recording (synthesised by wav.ts from the stored conversation and duration on its first request,
// then kept by server/calls/recording-store.ts).
import { createHash } from "node:crypto";
import { env } from "@/lib/env";
import { type SqlTx, sqlDate } from "@/lib/sql";
import { insertMessage } from "@/server/calls/messages";
import type { CustomField } from "@/server/calls/schema";
import { touchFromRead, transitionFromRead } from "@/server/calls/transitions";
import { messageEventData, recordEvent } from "@/server/webhooks/outbox";
import type { ChannelProvider, InteractionForStep, StepOutcome } from "../types";
import { buildScript, CUSTOMER_MESSAGE_STATUS, MESSAGE_STATUS_FLOW, messageSid, type Step } from "./script";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

/** Pacing: about SIMULATOR_STEP_MS per step, longer for longer messages, with deterministic jitter. */
function delayAfter(step: Step | undefined, seed: string): number {
  const base = env.SIMULATOR_STEP_MS;
  const jitter = 0.7 + (Number.parseInt(sha(seed).slice(0, 4), 16) / 0xffff) * 0.6;
  const words = step?.kind === "say" ? step.content.split(/\s+/).length : 4;
  return Math.round(base * jitter * Math.min(2, 0.6 + words / 25));
}

// Scripts are deterministic per interaction, so each is built once per process and reused by its
// ~10 steps (bounded; an evicted one is simply rebuilt).
const scriptCache = new Map<string, Step[]>();
const SCRIPT_CACHE_SIZE = 2000;

async function loadScript(tx: SqlTx, id: string): Promise<Step[]> {
  const cached = scriptCache.get(id);
  if (cached) return cached;
  const script = await buildScriptFor(tx, id);
  if (scriptCache.size >= SCRIPT_CACHE_SIZE) scriptCache.delete(scriptCache.keys().next().value as string);
  scriptCache.set(id, script);
  return script;
}

type ScriptRow = {
  id: string;
  channel: string;
  initialMessage: string;
  customFields: string;
  effectiveAgent: string;
  firstName: string;
  skillName: string;
};

async function buildScriptFor(tx: SqlTx, id: string) {
  const row = await tx.one<ScriptRow>(
    `SELECT i.id, i.channel, i."initialMessage", i."customFields", i."effectiveAgent", c."firstName", s.name AS "skillName"
       FROM "Interaction" i JOIN "Customer" c ON c.id = i."customerId" JOIN "Skill" s ON s.id = i."skillId"
      WHERE i.id = ?`,
    [id],
  );
  if (!row) throw new Error(`interaction ${id} not found`);
  return buildScript({
    id: row.id,
    channel: row.channel as InteractionForStep["channel"],
    initialMessage: row.initialMessage,
    customerFirstName: row.firstName,
    agentName: (JSON.parse(row.effectiveAgent) as { name: string }).name,
    skillName: row.skillName,
    customFields: JSON.parse(row.customFields) as CustomField[],
  });
}

/**
 * Agent messages move one delivery status further on every later step (queued → sent → delivered…),
 * in one statement: a CASE maps each status to the next, so no message moves twice.
 */
async function advanceMessageStatuses(tx: SqlTx, call: InteractionForStep, step: number, toFinal = false) {
  const flow = MESSAGE_STATUS_FLOW[call.channel];
  const last = flow[flow.length - 1];
  if (flow.length < 2 || step === 0) return;
  const from = flow.slice(0, -1);
  await tx.run(
    `UPDATE "Message" SET status = CASE status ${from.map(() => "WHEN ? THEN ?").join(" ")} ELSE status END
      WHERE "interactionId" = ? AND sender = 'agent' AND status <> ?`,
    [...from.flatMap((status, i) => [status, toFinal ? last : flow[i + 1]]), call.id, last],
  );
}

/** "Agent: …" / "Customer: …" lines: role labels stay unambiguous even when both share a name. */
function transcriptOf(messages: { sender: string; content: string }[]) {
  return messages.map((m) => `${m.sender === "agent" ? "Agent" : "Customer"}: ${m.content}`).join("\n");
}

export const simulatorProvider: ChannelProvider = {
  name: "simulator",
  simulated: true,

  async step(tx, call, stepIndex, { workerId }): Promise<StepOutcome> {
    const script = await loadScript(tx, call.id);
    const step = script[stepIndex];
    if (!step) return { done: true };
    const next = () => delayAfter(script[stepIndex + 1], `${call.id}:${stepIndex}`);

    if (step.kind === "status") {
      await advanceMessageStatuses(tx, call, stepIndex);
      await transitionFromRead(tx, call, step.to, { actor: "engine", workerId });
      return { done: false, delayMs: next(), changed: "status" };
    }

    if (step.kind === "say") {
      await advanceMessageStatuses(tx, call, stepIndex);
      const flow = MESSAGE_STATUS_FLOW[call.channel];
      const message = await insertMessage(tx, {
        interactionId: call.id,
        seq: stepIndex,
        sid: messageSid(call.channel, call.id, stepIndex, sha),
        sender: step.sender,
        content: step.content,
        status: step.sender === "agent" ? flow[0] : CUSTOMER_MESSAGE_STATUS[call.channel],
      });
      await recordEvent(tx, "call.message", call.id, messageEventData(call.id, message));
      // Staff may have changed the status since the step read it (a hold): then this line is not said yet.
      await touchFromRead(tx, call);
      if (step.status) await transitionFromRead(tx, call, step.status, { actor: "engine", workerId });
      return { done: false, delayMs: next(), changed: "message" };
    }

    // The end: final delivery statuses, transcript, duration, recording, then the terminal status.
    await advanceMessageStatuses(tx, call, stepIndex, true);
    scriptCache.delete(call.id);
    const times = await tx.one<{ startedAt: unknown; createdAt: unknown }>(
      `SELECT "startedAt", "createdAt" FROM "Interaction" WHERE id = ?`,
      [call.id],
    );
    const messages = await tx.all<{ sender: string; content: string }>(
      `SELECT sender, content FROM "Message" WHERE "interactionId" = ? ORDER BY seq`,
      [call.id],
    );
    const started = sqlDate(times?.startedAt ?? times?.createdAt);
    const durationSeconds = Math.max(1, Math.round((Date.now() - started.getTime()) / 1000));
    const ended = await transitionFromRead(tx, call, step.to, {
      actor: "engine",
      reason: "conversation finished",
      workerId,
      set: { durationSeconds, transcription: transcriptOf(messages), hasRecording: call.channel === "call" },
    });
    // Finishing the job now would leave the interaction open with nothing to end it: fail the step instead.
    if (!ended.ok) throw new Error(`The conversation is over, but a "${call.status}" interaction cannot become "${step.to}".`);
    return { done: true };
  },
};
