// A Twilio call as a turn loop in route handlers. Twilio asks Callboard what to do next at each step:
//   answer   the customer picked up (or a machine did): say the agent's opening line, then listen
//   heard    <Gather> heard the customer (SpeechResult): store it, queue the agent's turn, and answer
//            with the agent's reply as soon as the engine has it
//   turn     still waiting for the reply: after 2 s of silence, one short filler, then keep waiting
//   status   Twilio's status callbacks move the interaction on (never backwards: they come out of order)
//   recording  the recording is ready: a copy is fetched into the recording store
// The brain runs in the engine's agent-turn job like on any other channel; these handlers only wait
// for its line (polling the database, so any instance can serve any request) and turn it into TwiML.
import twilio from "twilio";
import { db, withUniqueRetry } from "@/lib/db";
import { env } from "@/lib/env";
import { writeTx } from "@/lib/sql";
import { isTerminal, type Status } from "@/server/calls/status";
import { storedRecording } from "@/server/calls/recording-store";
import type { EffectiveAgent } from "@/server/calls/schema";
import { advanceTo, appendMessage, endConversation } from "@/server/conversations/apply";
import { receiveIn } from "@/server/conversations/inbound";
import { findForWrite } from "@/server/conversations/queries";
import { wakeWorker } from "@/server/engine/signal";
import { publishCallEvent } from "@/server/events/bus";
import { insertCall } from "@/server/calls/insert";
import { basicAuth, rebase } from "./client";
import { agentByPhone } from "./transport";
import { twilioUrls } from "./urls";
import { TRANSFERRING } from "./twiml";

const { VoiceResponse } = twilio.twiml;

/** How long one request waits for the agent's line before answering with a filler or a redirect. */
const WAIT_MS = 2_000;
const POLL_MS = 100;
export const FILLER = "One moment.";
const REPROMPT = "Sorry, I didn't catch that.";
const GOODBYE_SILENT = "I can't hear anything, so I'll end the call here. Goodbye.";
const GIVE_UP = "I'm sorry, I'm having trouble answering right now. A colleague will get back to you. Goodbye.";
const NO_TRANSFER = "A colleague will call you back shortly. Goodbye.";

const ANSWERED_PATH: Status[] = ["queued", "initiated", "ringing", "in-progress"];

type Line = { seq: number; content: string };

/** `after` for a read that wants no lines: the largest 32-bit integer, since Postgres' `seq` is an int4. */
const NO_NEW_LINES = 2 ** 31 - 1;

/**
 * What a turn needs to know, read fresh at every poll. An agent's last line and the end of the call (or
 * the hand-off) commit together, but these are two reads, so the lines are read first and read again
 * when the call has ended: reading the call first could pair a goodbye with a call still in progress,
 * and the customer would be asked to speak again instead of hearing the hang-up.
 */
async function readTurn(id: string, after: number) {
  const lines = () =>
    db.message.findMany({
      where: { interactionId: id, seq: { gt: after }, sender: "agent", internal: false },
      select: { seq: true, content: true },
      orderBy: { seq: "asc" },
    });
  const early = await lines();
  const row = await db.interaction.findUnique({
    where: { id },
    select: { id: true, status: true, needsPerson: true, effectiveAgent: true, agent: { select: { transferNumber: true } } },
  });
  if (!row) return null;
  const settled = isTerminal(row.status) || row.needsPerson;
  return { ...row, messages: settled ? await lines() : early };
}
type TurnRow = NonNullable<Awaited<ReturnType<typeof readTurn>>>;

const VOICE_NAME = /^(?:Polly|Google)\.[\w.-]{1,60}$|^(?:alice|man|woman)$/;

/** Twilio's <Say> attributes from the agent: a Twilio voice name passes as is, the language always. */
function voiceOf(row: TurnRow) {
  const agent = JSON.parse(row.effectiveAgent) as EffectiveAgent;
  return {
    say: {
      language: agent.language as "en-US",
      ...(VOICE_NAME.test(agent.voiceId) && { voice: agent.voiceId as "alice" }),
    },
    rate: agent.voiceSpeed === 1 ? null : `${Math.round(agent.voiceSpeed * 100)}%`,
    language: agent.language,
  };
}

function say(response: InstanceType<typeof VoiceResponse>, row: TurnRow, text: string) {
  const voice = voiceOf(row);
  if (voice.rate) response.say(voice.say, "").prosody({ rate: voice.rate }, text);
  else response.say(voice.say, text);
}

function listen(response: InstanceType<typeof VoiceResponse>, row: TurnRow, after: number, silences = 0) {
  response.gather({
    input: ["speech"],
    action: twilioUrls.heard(row.id, after, silences ? `&s=${silences}` : ""),
    method: "POST",
    // "auto" ends the utterance at a natural pause; Twilio requires an explicit model for it.
    speechTimeout: "auto",
    speechModel: "phone_call",
    language: voiceOf(row).language as "en-US",
    actionOnEmptyResult: true,
    timeout: 6,
  });
}

/** Waits until the agent has said something after `after`, the call ended, or staff are needed. */
async function waitForAgent(id: string, after: number): Promise<TurnRow | null> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const row = await readTurn(id, after);
    if (!row || row.messages.length || row.needsPerson || isTerminal(row.status) || Date.now() >= deadline) return row;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** The agent handed off: dial the transfer number if there is one, else promise a call back. */
async function handOver(response: InstanceType<typeof VoiceResponse>, row: TurnRow) {
  const number = row.agent.transferNumber;
  await writeTx(async (tx) => {
    const call = await findForWrite(tx, row.id);
    if (!call || isTerminal(call.status)) return;
    if (number) await endConversation(tx, call, "transferred", `Transferred to ${number}.`);
    else
      await endConversation(
        tx,
        call,
        "completed",
        "The agent handed off; the agent has no transfer number, so staff should call back.",
      );
  });
  publishCallEvent({ callId: row.id, kind: "status" });
  if (number) {
    say(response, row, TRANSFERRING);
    response.dial({ answerOnBridge: true }, number);
  } else {
    say(response, row, NO_TRANSFER);
  }
  response.hangup();
}

/**
 * The TwiML for the agent's next turn: its new lines, then listening, transferring or hanging up. With
 * no line yet it waits (a filler after the first 2 s) and asks Twilio to come back.
 */
export async function nextTurn(id: string, after: number, waited = 0): Promise<string> {
  const response = new VoiceResponse();
  const row = await waitForAgent(id, after);
  if (!row || row.status === "transferred") {
    response.hangup();
    return response.toString();
  }
  const lines: Line[] = row.messages;
  for (const line of lines) say(response, row, line.content);
  const last = lines.at(-1)?.seq ?? after;
  if (isTerminal(row.status)) response.hangup();
  else if (row.needsPerson) await handOver(response, row);
  else if (lines.length) listen(response, row, last);
  else if (waited * WAIT_MS > env.LLM_TIMEOUT_MS * env.LLM_MAX_ATTEMPTS + 10_000) {
    // The engine hands a failing brain to staff long before this; this is the last resort.
    say(response, row, GIVE_UP);
    response.hangup();
  } else {
    if (waited === 0) say(response, row, FILLER);
    response.redirect({ method: "POST" }, twilioUrls.turn(id, after, `&n=${waited + 1}`));
  }
  return response.toString();
}

const isMachine = (answeredBy?: string) => Boolean(answeredBy && (answeredBy.startsWith("machine") || answeredBy === "fax"));

/** The call was answered: a person hears the opening line; a machine hears the voicemail message. */
export async function answer(id: string, answeredBy?: string): Promise<string> {
  if (isMachine(answeredBy)) return voicemail(id, answeredBy ?? "machine");
  await writeTx(async (tx) => {
    const call = await findForWrite(tx, id);
    if (call && !isTerminal(call.status)) await advanceTo(tx, call, ANSWERED_PATH, "the customer answered");
  });
  publishCallEvent({ callId: id, kind: "status" });
  return nextTurn(id, -1);
}

async function voicemail(id: string, answeredBy: string): Promise<string> {
  const response = new VoiceResponse();
  const row = await readTurn(id, NO_NEW_LINES);
  const agent = await db.interaction.findUnique({ where: { id }, select: { agent: { select: { voicemailMessage: true } } } });
  const message = agent?.agent.voicemailMessage.trim() ?? "";
  await writeTx(async (tx) => {
    const call = await findForWrite(tx, id);
    if (!call || isTerminal(call.status)) return;
    await advanceTo(tx, call, ["queued", "initiated", "ringing"]);
    if (message) await appendMessage(tx, call, { sender: "agent", content: message });
    await endConversation(
      tx,
      call,
      "voicemail",
      message
        ? `An answering machine picked up (${answeredBy}); the voicemail message was left.`
        : `An answering machine picked up (${answeredBy}).`,
    );
  });
  publishCallEvent({ callId: id, kind: "status" });
  if (row && message) say(response, row, message);
  response.hangup();
  return response.toString();
}

/** <Gather> came back: the customer's words (or silence). `after` is the last line said to them. */
export async function heard(id: string, callSid: string, after: number, speech: string, silences: number): Promise<string> {
  const text = speech.trim();
  if (!text) {
    const response = new VoiceResponse();
    const row = await readTurn(id, NO_NEW_LINES);
    if (!row || isTerminal(row.status)) return response.hangup().toString();
    if (silences >= 1) {
      say(response, row, GOODBYE_SILENT);
      response.hangup();
      await writeTx(async (tx) => {
        const call = await findForWrite(tx, id);
        if (call) await endConversation(tx, call, "completed", "The customer stayed silent.");
      });
      publishCallEvent({ callId: id, kind: "status" });
    } else {
      say(response, row, REPROMPT);
      listen(response, row, after, silences + 1);
    }
    return response.toString();
  }
  // Twilio may post the same <Gather> result twice (a retry): the CallSid and turn identify it.
  const saved = await writeTx((tx) => receiveIn(tx, id, { content: text, externalId: `${callSid}:${after}` }).catch(() => null));
  if (saved) {
    wakeWorker();
    publishCallEvent({ callId: id, kind: "message" });
  }
  const seq =
    saved?.seq ??
    (await db.message.findFirst({ where: { interactionId: id, externalId: `${callSid}:${after}` }, select: { seq: true } }))?.seq;
  return nextTurn(id, seq ?? after);
}

/** Twilio's CallStatus → where the interaction goes, along the voice path. */
export async function applyCallStatus(
  id: string,
  s: { CallStatus: string; CallDuration?: number; ErrorCode?: string; ErrorMessage?: string },
) {
  await writeTx(async (tx) => {
    const call = await findForWrite(tx, id);
    if (!call) return;
    const duration = s.CallDuration;
    if (isTerminal(call.status)) {
      // Ended here first (a transfer, a voicemail, silence): Twilio's own measure of the call still counts.
      if (s.CallStatus === "completed" && duration !== undefined) {
        await tx.interaction.update({ where: { id }, data: { durationSeconds: duration } });
      }
      return;
    }
    switch (s.CallStatus) {
      case "queued":
      case "initiated":
        return advanceTo(tx, call, ["queued", "initiated"], "Twilio placed the call");
      case "ringing":
        return advanceTo(tx, call, ["queued", "initiated", "ringing"], "the customer's phone is ringing");
      case "in-progress":
        return advanceTo(tx, call, ANSWERED_PATH, "the customer answered");
      case "completed":
        // Answered calls complete; Twilio reports unanswered ones as no-answer, busy or failed.
        await advanceTo(tx, call, ANSWERED_PATH, "the customer answered");
        await endConversation(tx, call, "completed", "The call ended.", "engine", duration);
        return;
      case "busy":
      case "no-answer":
        await advanceTo(tx, call, ["queued", "initiated", "ringing"]);
        await endConversation(tx, call, s.CallStatus, s.CallStatus === "busy" ? "The line was busy." : "Nobody answered.");
        return;
      case "failed":
      case "canceled": {
        const code = s.ErrorCode ? ` (Twilio error ${s.ErrorCode}${s.ErrorMessage ? `: ${s.ErrorMessage}` : ""})` : "";
        await endConversation(
          tx,
          call,
          s.CallStatus,
          s.CallStatus === "failed" ? `Twilio could not place the call${code}.` : "The call was canceled.",
        );
        return;
      }
    }
  });
  publishCallEvent({ callId: id, kind: "status" });
}

/** The recording is ready at Twilio: keep a copy in the recording store and publish its link. */
export async function storeRecording(id: string, recordingUrl: string) {
  const call = await db.interaction.findUnique({ where: { id }, select: { hasRecording: true } });
  if (!call || call.hasRecording) return;
  await storedRecording(id, async () => {
    const res = await fetch(rebase(`${recordingUrl}.wav`), { headers: { Authorization: basicAuth() } });
    if (!res.ok) throw new Error(`Twilio answered ${res.status} for the recording`);
    return [Buffer.from(await res.arrayBuffer())];
  });
  await writeTx((tx) => tx.interaction.update({ where: { id }, data: { hasRecording: true } }));
  publishCallEvent({ callId: id, kind: "updated" });
}

/** Someone phoned a Twilio number: the agent who owns it answers, in a new inbound interaction. */
export async function receiveCall(c: { CallSid: string; From?: string; To?: string }): Promise<string> {
  const existing = await db.interaction.findFirst({ where: { externalId: c.CallSid }, select: { id: true } });
  if (existing) return nextTurn(existing.id, -1); // Twilio retried the webhook
  const owner = c.To ? await agentByPhone(c.To) : null;
  if (!owner?.skills[0]) {
    console.warn(
      `[callboard] twilio: a call to ${c.To ?? "an unknown number"} reached no agent (no active agent has that phone)`,
    );
    const response = new VoiceResponse();
    response.say("Sorry, this number cannot take calls right now. Goodbye.");
    response.hangup();
    return response.toString();
  }
  const caller = c.From && PHONE.test(c.From) ? c.From : undefined;
  const row = await withUniqueRetry(() =>
    insertCall(
      {
        agentId: owner.id,
        skillId: owner.skills[0].skillId,
        channel: "call",
        ...(caller ? { customerPhone: caller } : { customerName: "Withheld number" }),
      },
      { inbound: { externalId: c.CallSid } },
    ),
  );
  wakeWorker();
  publishCallEvent({ callId: row.id, kind: "status" });
  return nextTurn(row.id, -1);
}

const PHONE = /^\+[1-9]\d{6,14}$/;
