// Which provider carries an interaction. Real transports (Twilio for voice, SMS and WhatsApp; SMTP for
// e-mail) take their channels when they are configured; web chat is Callboard's own; everything else, and
// any interaction created with `simulate: true`, runs on the simulator, the zero-setup default.
import type { Channel } from "@/server/calls/status";
import { findCarried } from "./carried";
import { emailTransport } from "./email/transport";
import { twilioTransport } from "./twilio/transport";
import type { Transport } from "./types";

const TRANSPORTS: Transport[] = [twilioTransport, emailTransport];

export function transportFor(provider: string): Transport | undefined {
  return TRANSPORTS.find((t) => t.name === provider);
}

/** The provider a new interaction gets. */
export function providerFor(channel: Channel, { simulate, inbound }: { simulate?: boolean; inbound?: boolean }): string {
  if (channel === "webchat") return inbound || !simulate ? "webchat" : "simulator";
  if (simulate && !inbound) return "simulator";
  return TRANSPORTS.find((t) => t.carries(channel))?.name ?? "simulator";
}

/**
 * Whether the engine hands this interaction's outgoing lines to a transport to send, one by one. Voice
 * never does: a call speaks its lines in its own turn loop (server/transports/twilio/voice.ts).
 */
export function sendsMessages(call: { provider: string; channel: string }): boolean {
  return call.channel !== "call" && Boolean(transportFor(call.provider)?.send);
}

/** Ends an interaction at its provider after staff ended it here: a live call hangs up, a ringing one is canceled. */
export async function closeAtProvider(id: string, previousStatus: string) {
  const call = await findCarried(id);
  const transport = call && transportFor(call.provider);
  if (!call || !transport?.close) return;
  const ringing = ["queued", "initiated", "ringing"].includes(previousStatus);
  await transport.close(call, ringing ? "canceled" : "completed");
}
