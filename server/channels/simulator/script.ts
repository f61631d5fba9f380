// The simulator's conversation plan: a deterministic list of steps built from the rendered initial
// message, the customer's data and the custom fields. Seeded by the interaction id, so replaying a
// step after a restart produces exactly the same text.
import type { CustomField } from "@/server/calls/schema";
import type { Channel, Status } from "@/server/calls/status";

export type ScriptInput = {
  id: string;
  channel: Channel;
  initialMessage: string;
  customerFirstName: string;
  agentName: string;
  skillName: string;
  customFields: CustomField[];
};

export type Step =
  | { kind: "status"; to: Status }
  | { kind: "say"; sender: "agent" | "customer"; content: string; status?: Status }
  | { kind: "end"; to: Status };

/** A small seeded PRNG (mulberry32) so the script is the same on every replay. */
function seeded(seedText: string) {
  let seed = 0;
  for (const ch of seedText) seed = (Math.imul(seed, 31) + ch.charCodeAt(0)) | 0;
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHANNEL_NOUN: Record<Channel, string> = {
  call: "text message",
  sms: "text message",
  whatsapp: "WhatsApp message",
  email: "e-mail",
  webchat: "message here in the chat",
};

function factsSentence(fields: CustomField[]): string {
  const shown = fields.filter((f) => String(f.value).trim() !== "").slice(0, 4);
  if (!shown.length) return "";
  const list = shown.map((f) => `${f.name} ${typeof f.value === "boolean" ? (f.value ? "yes" : "no") : f.value}`);
  return ` Here is what I have on file: ${list.join(", ")}.`;
}

export function buildScript(input: ScriptInput): Step[] {
  const pick = (() => {
    const rand = seeded(input.id);
    return <T>(options: T[]): T => options[Math.floor(rand() * options.length)];
  })();
  const first = input.customerFirstName || "there";
  const voice = input.channel === "call";
  const topic = input.skillName.toLowerCase();
  const mentionsOrder = input.customFields.some((f) => /order|deliver|ship|package/i.test(f.name));

  const opening = input.initialMessage.trim() || `Hello ${first}, this is ${input.agentName}.`;
  const customerHello = voice
    ? pick([`Hi, yes, this is ${first}. What is this about?`, "Hello? Yes, speaking.", `Hi ${input.agentName}, go ahead.`])
    : pick(["Hi! What's this about?", "Hello, thanks for reaching out.", "Hi, who is this?"]);
  const agentPurpose = `I'm reaching out from our ${topic} team.${factsSentence(input.customFields)}`;
  const customerQuestion = mentionsOrder
    ? pick(["Great, thanks. When can I expect it?", "Good to know. Is everything on track?", "Thanks! Do I need to do anything?"])
    : pick(["Okay. Is there anything I need to do?", "Thanks for letting me know. What happens next?"]);
  const agentAnswer = pick([
    `Everything is on track and you don't need to do anything. I'll send you a ${CHANNEL_NOUN[input.channel]} with the details.`,
    `It's all taken care of. You'll get a ${CHANNEL_NOUN[input.channel]} with a summary shortly.`,
  ]);
  const customerThanks = pick([
    "Perfect, that's all I needed. Thank you!",
    "Great, thanks for your help.",
    "Thanks, that helps a lot.",
  ]);
  const agentBye = pick([`Thank you, ${first}. Have a great day!`, `You're welcome, ${first}. Take care!`]);

  const conversation: Step[] = [
    { kind: "say", sender: "customer", content: customerHello },
    { kind: "say", sender: "agent", content: agentPurpose },
    { kind: "say", sender: "customer", content: customerQuestion },
    { kind: "say", sender: "agent", content: agentAnswer },
    { kind: "say", sender: "customer", content: customerThanks },
    { kind: "say", sender: "agent", content: agentBye },
    { kind: "end", to: "completed" },
  ];

  switch (input.channel) {
    case "call":
      return [
        { kind: "status", to: "initiated" },
        { kind: "status", to: "ringing" },
        { kind: "status", to: "in-progress" },
        { kind: "say", sender: "agent", content: opening },
        ...conversation,
      ];
    case "webchat":
      return [
        { kind: "status", to: "initiated" },
        { kind: "say", sender: "agent", content: opening, status: "in-progress" },
        ...conversation,
      ];
    case "whatsapp":
      return [
        { kind: "status", to: "initiated" },
        { kind: "say", sender: "agent", content: opening, status: "sent" },
        { kind: "status", to: "delivered" },
        { kind: "status", to: "read" },
        { ...conversation[0], status: "in-progress" } as Step,
        ...conversation.slice(1),
      ];
    default:
      return [
        { kind: "status", to: "initiated" },
        { kind: "say", sender: "agent", content: opening, status: "sent" },
        { kind: "status", to: "delivered" },
        { ...conversation[0], status: "in-progress" } as Step,
        ...conversation.slice(1),
      ];
  }
}

/** How an agent message's delivery status advances on each later step, per channel. */
export const MESSAGE_STATUS_FLOW: Record<Channel, string[]> = {
  call: ["spoken"],
  sms: ["queued", "sent", "delivered"],
  email: ["queued", "sent", "delivered"],
  whatsapp: ["queued", "sent", "delivered", "read"],
  webchat: ["sent", "delivered", "read"],
};

export const CUSTOMER_MESSAGE_STATUS: Record<Channel, string> = {
  call: "spoken",
  sms: "received",
  email: "received",
  whatsapp: "received",
  webchat: "received",
};

/** Twilio-style message ids: a channel prefix and 32 hex digits derived from the interaction and step. */
export function messageSid(channel: Channel, interactionId: string, seq: number, hash: (s: string) => string): string {
  const prefix = { call: "UT", sms: "SM", whatsapp: "WA", email: "EM", webchat: "WC" }[channel];
  return `${prefix}${hash(`${interactionId}:${seq}`).slice(0, 32)}`;
}
