// POST /api/twilio/voice: a call to one of your Twilio numbers ("A call comes in" in the Twilio console).
import { methodNotAllowed } from "@/lib/http";
import { interactionlessQuery, voiceRequestSchema } from "@/server/transports/twilio/schema";
import { receiveCall } from "@/server/transports/twilio/voice";
import { twiml, twilioWebhook } from "@/server/transports/twilio/webhook";

export const POST = twilioWebhook({ query: interactionlessQuery, body: voiceRequestSchema }, async ({ body }) =>
  twiml(await receiveCall(body)),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
