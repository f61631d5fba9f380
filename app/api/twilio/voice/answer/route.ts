// POST /api/twilio/voice/answer?i={id}: Twilio's `url` for an outbound call, fetched when it is answered.
import { methodNotAllowed } from "@/lib/http";
import { interactionQuery, voiceRequestSchema } from "@/server/transports/twilio/schema";
import { answer } from "@/server/transports/twilio/voice";
import { twiml, twilioWebhook } from "@/server/transports/twilio/webhook";

export const POST = twilioWebhook({ query: interactionQuery, body: voiceRequestSchema }, async ({ query, body }) =>
  twiml(await answer(query.i, body.AnsweredBy)),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
