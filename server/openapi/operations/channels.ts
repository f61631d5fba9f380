// Channel providers: their status for the settings page, Twilio's test actions, and Twilio's webhooks.
import { callIdParamsSchema, callSchema, transferSchema } from "@/server/calls/schema";
import { channelsStatusSchema } from "@/server/transports/settings";
import { twilioTestResultSchema, twilioTestSchema } from "@/server/transports/twilio/schema";
import type { Operation } from "../types";

const SIGNED =
  "Called by Twilio, not by you: no credentials, but a valid `X-Twilio-Signature` for this server's PUBLIC_URL " +
  "(403 otherwise, and nothing is stored). Form-encoded, as Twilio posts it; 404 while Twilio is not configured.";

const twilioHook = (path: string, operationId: string, summary: string, answer: string): Operation => ({
  method: "post",
  path,
  operationId,
  summary,
  description: `${SIGNED}`,
  tag: "Twilio webhooks",
  auth: "public",
  responses: { 200: { description: answer } },
  errors: [403, 415],
});

export const channelOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/channels",
    operationId: "getChannels",
    summary: "Channel providers and their health",
    description:
      "Which provider carries each channel now, whether Twilio's credentials work, and the URLs for the Twilio console.",
    tag: "Channels",
    auth: "staff",
    responses: { 200: { description: "Providers per channel.", body: channelsStatusSchema } },
  },
  {
    method: "post",
    path: "/api/v1/channels/twilio/test",
    operationId: "testTwilio",
    summary: "Send a test SMS or place a test call",
    tag: "Channels",
    auth: "admin",
    body: twilioTestSchema,
    responses: { 201: { description: "Twilio accepted it.", body: twilioTestResultSchema } },
    errors: [409, 503],
  },
  {
    method: "post",
    path: "/api/v1/calls/{id}/transfer",
    operationId: "transferCall",
    summary: "Transfer a live voice call to a person",
    description: "Twilio connects the customer to `to`, or to the agent's `transferNumber`; the call ends here as `transferred`.",
    tag: "Calls",
    auth: "api",
    params: callIdParamsSchema,
    body: transferSchema,
    responses: { 200: { description: "The call, transferred.", body: callSchema } },
    errors: [409, 503],
  },
  twilioHook("/api/twilio/voice", "twilioInboundVoice", "A call to one of your Twilio numbers", "TwiML: the agent answers."),
  twilioHook(
    "/api/twilio/voice/answer",
    "twilioVoiceAnswer",
    "An outbound call was answered",
    "TwiML: the opening line, or the voicemail message.",
  ),
  twilioHook("/api/twilio/voice/heard", "twilioVoiceHeard", "<Gather> heard the customer", "TwiML: the agent's reply."),
  twilioHook("/api/twilio/voice/turn", "twilioVoiceTurn", "Waiting for the agent's reply", "TwiML: the reply, or a short wait."),
  twilioHook("/api/twilio/voice/status", "twilioVoiceStatus", "A call's status callback", "Applied (204)."),
  twilioHook("/api/twilio/voice/recording", "twilioVoiceRecording", "A recording is ready", "Stored (204)."),
  twilioHook(
    "/api/twilio/messages",
    "twilioInboundMessage",
    "An SMS or WhatsApp message to one of your numbers",
    "Empty TwiML: the agent answers through the API.",
  ),
  twilioHook("/api/twilio/messages/status", "twilioMessageStatus", "A message's delivery receipt", "Applied (204)."),
];
