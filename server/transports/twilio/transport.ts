// Twilio carries voice calls, SMS and WhatsApp. A call is placed here and then runs as a turn loop in
// route handlers (./voice.ts); SMS and WhatsApp lines are sent one by one by the engine's deliver job.
// Twilio's refusals (an invalid number, WhatsApp's 24-hour rule) become DeliveryRefused with Twilio's
// code, so the interaction ends with a clear reason; its 5xx and network errors are retried.
import { env } from "@/lib/env";
import { db } from "@/lib/db";
import { fieldError } from "@/lib/errors";
import type { Channel } from "@/server/calls/status";
import { DeliveryRefused, type Carried, type Outgoing, type Transport } from "../types";
import { isPermanent, twilioClient, twilioConfigured, twilioFailure } from "./client";
import { twilioUrls } from "./urls";
import { transferTwiml } from "./twiml";
import { requireWhatsappOpening, templateFor, templateVariables } from "./whatsapp";

const CHANNELS: Channel[] = ["call", "sms", "whatsapp"];

/** Twilio's answer as the engine needs it: refused for good, or thrown again to be retried. */
function refusedOrThrow(error: unknown, what: string): never {
  const failure = twilioFailure(error);
  if (isPermanent(failure)) throw new DeliveryRefused(`Twilio refused the ${what}: ${failure.message}`, failure.code);
  throw new Error(`Twilio could not take the ${what} (${failure.status ?? "no answer"}): ${failure.message}`);
}

const whatsapp = (phone: string) => (phone.startsWith("whatsapp:") ? phone : `whatsapp:${phone}`);

export const twilioTransport: Transport = {
  name: "twilio",

  carries: (channel) => twilioConfigured() && CHANNELS.includes(channel),

  async check(tx, call) {
    if (!call.customerPhone)
      throw fieldError("customerPhone", `A ${call.channel} interaction needs the customer's phone number.`);
    if (call.channel === "call" && !call.agentPhone) {
      throw fieldError(
        "agentId",
        "The agent has no phone number, which Twilio calls need as the caller ID. Set the agent's phone to one of your Twilio numbers.",
      );
    }
    if (call.channel === "sms" && !call.agentPhone && !env.TWILIO_MESSAGING_SERVICE_SID) {
      throw fieldError(
        "agentId",
        "The agent has no phone number to send SMS from. Set the agent's phone, or TWILIO_MESSAGING_SERVICE_SID.",
      );
    }
    if (call.channel === "whatsapp") {
      if (!env.TWILIO_WHATSAPP_FROM && !call.agentPhone) {
        throw fieldError(
          "agentId",
          "No WhatsApp sender: set TWILIO_WHATSAPP_FROM, or the agent's phone to a WhatsApp-enabled number.",
        );
      }
      await requireWhatsappOpening(tx, { agentId: call.agentId, skillId: call.skillId, customerPhone: call.customerPhone });
    }
  },

  async open(call: Carried) {
    if (call.channel !== "call") return null;
    if (!call.customerPhone || !call.agentPhone) {
      throw new DeliveryRefused("A call needs the customer's phone and the agent's phone (its caller ID).", null);
    }
    try {
      const placed = await twilioClient().calls.create({
        to: call.customerPhone,
        from: call.agentPhone,
        url: twilioUrls.answer(call.id),
        method: "POST",
        statusCallback: twilioUrls.voiceStatus(call.id),
        statusCallbackMethod: "POST",
        statusCallbackEvent: ["initiated", "ringing", "answered", "completed"],
        record: true,
        recordingStatusCallback: twilioUrls.recording(call.id),
        recordingStatusCallbackMethod: "POST",
        // Twilio detects an answering machine before fetching the answer URL, which then says the
        // agent's voicemail message or hangs up (./voice.ts).
        machineDetection: "Enable",
        timeout: 30,
      });
      return { externalId: placed.sid };
    } catch (error) {
      refusedOrThrow(error, "call");
    }
  },

  async send(call: Carried, message: Outgoing) {
    if (!call.customerPhone) throw new DeliveryRefused("The customer has no phone number.", null);
    const statusCallback = twilioUrls.messageStatus(message.id);
    try {
      if (call.channel === "whatsapp") {
        const from = env.TWILIO_WHATSAPP_FROM ?? (call.agentPhone && whatsapp(call.agentPhone));
        if (!from) throw new DeliveryRefused("No WhatsApp sender: set TWILIO_WHATSAPP_FROM or the agent's phone.", null);
        // Outside the 24 hours after the customer's last message, only an approved template may open.
        const template = message.first && call.direction === "outbound" ? await templateFor(call) : null;
        const sent = await twilioClient().messages.create({
          to: whatsapp(call.customerPhone),
          from,
          statusCallback,
          ...(template
            ? { contentSid: template, contentVariables: JSON.stringify(await templateVariables(call)) }
            : { body: message.content }),
        });
        return { externalId: sent.sid, status: sent.status };
      }
      const sent = await twilioClient().messages.create({
        to: call.customerPhone,
        body: message.content,
        statusCallback,
        ...(env.TWILIO_MESSAGING_SERVICE_SID
          ? { messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID }
          : { from: call.agentPhone ?? undefined }),
      });
      return { externalId: sent.sid, status: sent.status };
    } catch (error) {
      if (error instanceof DeliveryRefused) throw error;
      refusedOrThrow(error, "message");
    }
  },

  transfer: (call, number, language) => transferLiveCall(call, number, language),

  async close(call: Carried, how) {
    if (call.channel !== "call" || !call.externalId) return;
    try {
      await twilioClient().calls(call.externalId).update({ status: how });
    } catch (error) {
      // A call that already ended cannot be updated (21220); anything else is worth a line in the log.
      const failure = twilioFailure(error);
      if (failure.code !== "21220") console.warn(`[callboard] twilio: could not end call ${call.externalId}: ${failure.message}`);
    }
  },
};

export async function transferLiveCall(call: Carried, number: string, language: string) {
  if (!call.externalId) throw new DeliveryRefused("The call has no Twilio CallSid yet.", null);
  try {
    await twilioClient()
      .calls(call.externalId)
      .update({ twiml: transferTwiml(number, language) });
  } catch (error) {
    refusedOrThrow(error, "transfer");
  }
}

/** The agent's Twilio number is also its inbound address: who owns a dialled number. */
export const agentByPhone = (phone: string) =>
  db.agent.findFirst({
    where: { phone, active: true },
    select: { id: true, skills: { where: { skill: { active: true } }, select: { skillId: true }, take: 1 } },
  });
