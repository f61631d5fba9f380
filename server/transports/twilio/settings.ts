// What /settings/channels shows for Twilio: whether it is on, whether its credentials work (one cheap
// authenticated REST call: fetching the account), the URLs to paste into the Twilio console, and the
// "send a test SMS" / "place a test call" actions.
import twilio from "twilio";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ApiError, fieldError } from "@/lib/errors";
import { isPermanent, twilioClient, twilioConfigured, twilioFailure } from "./client";
import type { TwilioTestInput } from "./schema";
import { twilioUrls } from "./urls";

export const twilioStatusSchema = z.object({
  configured: z.boolean(),
  /** ok: the account answered; failed: Twilio refused the credentials or could not be reached. */
  credentials: z.enum(["ok", "failed", "not-configured"]),
  detail: z.string().nullable(),
  accountSid: z.string().nullable(),
  accountName: z.string().nullable(),
  apiBaseUrl: z.string(),
  whatsappFrom: z.string().nullable(),
  messagingServiceSid: z.string().nullable(),
  inboundUrls: z.object({ voice: z.string(), messages: z.string() }),
});
export type TwilioStatus = z.infer<typeof twilioStatusSchema>;

export async function twilioStatus(): Promise<TwilioStatus> {
  const base = {
    configured: twilioConfigured(),
    accountSid: env.TWILIO_ACCOUNT_SID ?? null,
    apiBaseUrl: env.TWILIO_API_BASE_URL,
    whatsappFrom: env.TWILIO_WHATSAPP_FROM ?? null,
    messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID ?? null,
    inboundUrls: { voice: twilioUrls.inboundVoice(), messages: twilioUrls.inboundMessages() },
  };
  if (!base.configured || !env.TWILIO_ACCOUNT_SID) {
    return { ...base, credentials: "not-configured", detail: "Set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.", accountName: null };
  }
  try {
    const account = await twilioClient().api.v2010.accounts(env.TWILIO_ACCOUNT_SID).fetch();
    return { ...base, credentials: "ok", detail: `Account status: ${account.status}.`, accountName: account.friendlyName };
  } catch (error) {
    const failure = twilioFailure(error);
    return { ...base, credentials: "failed", detail: `Twilio answered: ${failure.message}`, accountName: null };
  }
}

export async function sendTwilioTest(input: TwilioTestInput) {
  if (!twilioConfigured())
    throw new ApiError("conflict", "Twilio is not configured: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN first.");
  const agent = await db.agent.findUnique({ where: { id: input.agentId }, select: { phone: true, name: true } });
  if (!agent) throw fieldError("agentId", `No agent has the id ${input.agentId}.`);
  const from = agent.phone;
  if (!from && (input.kind === "call" || !env.TWILIO_MESSAGING_SERVICE_SID)) {
    throw fieldError("agentId", `${agent.name} has no phone. Set it to one of your Twilio numbers.`);
  }
  try {
    if (input.kind === "sms") {
      const sent = await twilioClient().messages.create({
        to: input.to,
        body: `Callboard test: SMS from ${agent.name} works.`,
        ...(env.TWILIO_MESSAGING_SERVICE_SID ? { messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID } : { from: from ?? "" }),
      });
      return { sid: sent.sid, status: sent.status };
    }
    const say = new twilio.twiml.VoiceResponse();
    say.say(`This is a test call from Callboard for ${agent.name}. Your Twilio voice setup works. Goodbye.`);
    const placed = await twilioClient().calls.create({ to: input.to, from: from ?? "", twiml: say.toString() });
    return { sid: placed.sid, status: placed.status };
  } catch (error) {
    const failure = twilioFailure(error);
    if (isPermanent(failure))
      throw fieldError("to", `Twilio refused it: ${failure.message}${failure.code ? ` (error ${failure.code})` : ""}.`);
    throw new ApiError("service_unavailable", `Twilio did not answer (${failure.message}). Try again.`);
  }
}
