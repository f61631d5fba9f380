// POST /api/twilio/voice/status?i={id}: the call's status callbacks (initiated, ringing, answered, completed…).
import { methodNotAllowed } from "@/lib/http";
import { callStatusSchema, interactionQuery } from "@/server/transports/twilio/schema";
import { applyCallStatus } from "@/server/transports/twilio/voice";
import { twilioWebhook } from "@/server/transports/twilio/webhook";

export const POST = twilioWebhook({ query: interactionQuery, body: callStatusSchema }, async ({ query, body }) => {
  await applyCallStatus(query.i, body);
  return new Response(null, { status: 204 });
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
