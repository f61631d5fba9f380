// POST /api/twilio/messages: an SMS or WhatsApp message to one of your numbers ("A message comes in").
import { methodNotAllowed } from "@/lib/http";
import { receiveText } from "@/server/transports/twilio/messages";
import { inboundMessageSchema, interactionlessQuery } from "@/server/transports/twilio/schema";
import { twiml, twilioWebhook } from "@/server/transports/twilio/webhook";

// The agent answers asynchronously through the REST API, so the TwiML answer is empty.
export const POST = twilioWebhook({ query: interactionlessQuery, body: inboundMessageSchema }, async ({ body }) => {
  const id = await receiveText(body);
  if (!id) console.warn(`[callboard] twilio: a message to ${body.To} reached no agent (no active agent has that number)`);
  return twiml('<?xml version="1.0" encoding="UTF-8"?><Response/>');
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
