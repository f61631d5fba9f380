// POST /api/twilio/messages/status?m={messageId}: delivery receipts for a message Callboard sent.
import { methodNotAllowed } from "@/lib/http";
import { applyMessageStatus } from "@/server/transports/twilio/messages";
import { messageQuery, messageStatusSchema } from "@/server/transports/twilio/schema";
import { twilioWebhook } from "@/server/transports/twilio/webhook";

export const POST = twilioWebhook({ query: messageQuery, body: messageStatusSchema }, async ({ query, body }) => {
  await applyMessageStatus(query.m, body);
  return new Response(null, { status: 204 });
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
