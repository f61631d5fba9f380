// The parameters of Twilio's webhooks, as its documentation lists them. Twilio sends more fields than
// these; the schemas name what Callboard reads and let the rest pass (Twilio adds fields over time).
import { z } from "zod";
import { phone, uuid } from "@/lib/validation";

// Literal patterns only (the ReDoS check proves each one safe).
const SIDS = {
  CA: /^CA[0-9a-fA-F]{32}$/,
  RE: /^RE[0-9a-fA-F]{32}$/,
  message: /^(?:SM|MM)[0-9a-fA-F]{32}$/,
} as const;
const sid = (kind: keyof typeof SIDS) => z.string().regex(SIDS[kind], `${kind === "message" ? "SM" : kind}… SID expected`);
const address = z.string().min(1).max(100);
const optionalInt = z.coerce.number().int().min(0).optional();

/** ?i=<interaction id> on every per-call URL Callboard gives Twilio. */
export const interactionQuery = z.object({ i: z.string().uuid() });
export const turnQuery = interactionQuery.extend({
  after: z.coerce.number().int().min(-1),
  /** How many times this turn has waited already (a filler is said once). */
  n: z.coerce.number().int().min(0).max(1000).default(0),
  /** How many silences in a row. */
  s: z.coerce.number().int().min(0).max(10).default(0),
});
export const messageQuery = z.object({ m: z.string().uuid() });

export const CALL_STATUSES = [
  "queued",
  "initiated",
  "ringing",
  "in-progress",
  "completed",
  "busy",
  "no-answer",
  "failed",
  "canceled",
] as const;

export const voiceRequestSchema = z.looseObject({
  CallSid: sid("CA"),
  From: address.optional(),
  To: address.optional(),
  CallStatus: z.enum(CALL_STATUSES).optional(),
  /** Answering-machine detection: human, machine_start, machine_end_beep, fax, unknown… */
  AnsweredBy: z.string().max(50).optional(),
});

export const callStatusSchema = voiceRequestSchema.extend({
  CallStatus: z.enum(CALL_STATUSES),
  CallDuration: optionalInt,
  SequenceNumber: optionalInt,
  ErrorCode: z.string().max(20).optional(),
  ErrorMessage: z.string().max(500).optional(),
});

export const gatherSchema = voiceRequestSchema.extend({
  SpeechResult: z.string().max(5000).optional(),
  Confidence: z.coerce.number().min(0).max(1).optional(),
});

export const recordingSchema = z.looseObject({
  CallSid: sid("CA").optional(),
  RecordingSid: sid("RE"),
  RecordingUrl: z.string().url(),
  RecordingStatus: z.enum(["in-progress", "completed", "absent", "failed"]),
  RecordingDuration: optionalInt,
});

export const MESSAGE_STATUSES = [
  "accepted",
  "scheduled",
  "queued",
  "sending",
  "sent",
  "delivered",
  "undelivered",
  "failed",
  "read",
  "received",
  "receiving",
  "canceled",
  "partially_delivered",
] as const;

export const messageStatusSchema = z.looseObject({
  MessageSid: sid("message"),
  MessageStatus: z.enum(MESSAGE_STATUSES),
  ErrorCode: z.string().max(20).optional(),
  ErrorMessage: z.string().max(500).optional(),
});

export const inboundMessageSchema = z.looseObject({
  MessageSid: sid("message"),
  From: address,
  To: address,
  Body: z.string().max(10_000).default(""),
  NumMedia: z.coerce.number().int().min(0).max(10).default(0),
  MediaUrl0: z.string().url().optional(),
  ProfileName: z.string().max(200).optional(),
});

/** The inbound URLs take no query. */
export const interactionlessQuery = z.object({});

/** The settings page's test: an SMS or a call to your own phone, from an agent's Twilio number. */
export const twilioTestSchema = z.strictObject({
  kind: z.enum(["sms", "call"], { message: 'kind is "sms" or "call".' }),
  /** Your own phone, to receive the test. */
  to: phone(),
  /** The agent whose phone sends or calls; its phone must be one of your Twilio numbers. */
  agentId: uuid("agentId"),
});
export type TwilioTestInput = z.infer<typeof twilioTestSchema>;

export const twilioTestResultSchema = z.object({ sid: z.string(), status: z.string() });
