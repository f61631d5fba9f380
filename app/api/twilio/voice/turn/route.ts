// POST /api/twilio/voice/turn?i={id}&after={seq}: still waiting for the agent's reply.
import { methodNotAllowed } from "@/lib/http";
import { turnQuery, voiceRequestSchema } from "@/server/transports/twilio/schema";
import { nextTurn } from "@/server/transports/twilio/voice";
import { twiml, twilioWebhook } from "@/server/transports/twilio/webhook";

export const POST = twilioWebhook({ query: turnQuery, body: voiceRequestSchema }, async ({ query }) =>
  twiml(await nextTurn(query.i, query.after, query.n)),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
