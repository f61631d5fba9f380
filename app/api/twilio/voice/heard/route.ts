// POST /api/twilio/voice/heard?i={id}&after={seq}: <Gather>'s action, with what the customer said.
import { methodNotAllowed } from "@/lib/http";
import { gatherSchema, turnQuery } from "@/server/transports/twilio/schema";
import { heard } from "@/server/transports/twilio/voice";
import { twiml, twilioWebhook } from "@/server/transports/twilio/webhook";

export const POST = twilioWebhook({ query: turnQuery, body: gatherSchema }, async ({ query, body }) =>
  twiml(await heard(query.i, body.CallSid, query.after, body.SpeechResult ?? "", query.s)),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
