// The interaction status lifecycle: which statuses exist, which each channel passes through, and
// which transitions are legal. The engine, the PUT endpoint, the sweeper and the README all follow
// this one table.
import { z } from "zod";

export const CHANNELS = ["call", "sms", "whatsapp", "email", "webchat"] as const;
export const channelSchema = z.enum(CHANNELS, {
  message: `channel must be one of: ${CHANNELS.join(", ")}.`,
});
export type Channel = z.infer<typeof channelSchema>;

export const STATUSES = [
  "queued", // recorded, waiting for the engine
  "initiated", // the provider accepted the interaction
  "ringing", // voice: the customer's phone is ringing
  "in-progress", // a conversation is under way
  "on-hold", // voice: paused by staff
  "sent", // messaging: the first message left the provider
  "delivered", // messaging: the first message reached the customer
  "read", // whatsapp/webchat: the customer read it
  "completed", // ended normally
  "resolved", // staff marked a completed interaction as resolved
  "transferred", // voice: handed to a human
  "voicemail", // voice: a voicemail answered
  "busy", // voice: the line was busy
  "no-answer", // voice: nobody picked up
  "undelivered", // messaging: the provider could not deliver
  "failed", // the provider or the engine failed
  "canceled", // canceled before or during the conversation
  "expired", // ended by the sweeper after no activity
] as const;
export const statusSchema = z.enum(STATUSES, { message: `status must be one of: ${STATUSES.join(", ")}.` });
export type Status = z.infer<typeof statusSchema>;

export const TERMINAL: ReadonlySet<Status> = new Set<Status>([
  "completed",
  "resolved",
  "transferred",
  "voicemail",
  "busy",
  "no-answer",
  "undelivered",
  "failed",
  "canceled",
  "expired",
]);

export const isTerminal = (s: string) => TERMINAL.has(s as Status);

/** Ends that any non-terminal interaction may take. */
const ABORT: Status[] = ["failed", "canceled", "expired"];

type Graph = Partial<Record<Status, Status[]>>;

const VOICE: Graph = {
  queued: ["initiated"],
  initiated: ["ringing"],
  ringing: ["in-progress", "busy", "no-answer", "voicemail"],
  // An answering machine is recognised after the line connects (Twilio's machine detection).
  "in-progress": ["on-hold", "completed", "transferred", "voicemail"],
  "on-hold": ["in-progress", "completed", "transferred"],
};

const MESSAGING: Graph = {
  queued: ["initiated"],
  initiated: ["sent", "undelivered"],
  sent: ["delivered", "undelivered", "in-progress"],
  delivered: ["in-progress", "completed"],
  "in-progress": ["completed"],
};

const WITH_READ_RECEIPTS: Graph = {
  ...MESSAGING,
  delivered: ["read", "in-progress", "completed"],
  read: ["in-progress", "completed"],
};

const WEBCHAT: Graph = {
  queued: ["initiated"],
  initiated: ["in-progress"],
  "in-progress": ["completed"],
};

const GRAPHS: Record<Channel, Graph> = {
  call: VOICE,
  sms: MESSAGING,
  email: MESSAGING,
  whatsapp: WITH_READ_RECEIPTS,
  webchat: WEBCHAT,
};

/** The statuses an interaction on `channel` may move to from `from`. */
export function allowedNext(channel: Channel, from: Status): Status[] {
  if (from === "completed") return ["resolved"];
  if (TERMINAL.has(from)) return [];
  return [...(GRAPHS[channel][from] ?? []), ...ABORT];
}

export function canTransition(channel: Channel, from: Status, to: Status): boolean {
  return allowedNext(channel, from).includes(to);
}

/** Every status a channel can pass through, for documentation and the dashboard's filters. */
export function statusesFor(channel: Channel): Status[] {
  const graph = GRAPHS[channel];
  const seen = new Set<Status>(["queued"]);
  for (const [from, tos] of Object.entries(graph)) {
    seen.add(from as Status);
    for (const to of tos ?? []) seen.add(to);
  }
  for (const s of [...ABORT, "resolved" as Status]) seen.add(s);
  return STATUSES.filter((s) => seen.has(s));
}
