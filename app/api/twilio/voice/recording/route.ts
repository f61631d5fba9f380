// POST /api/twilio/voice/recording?i={id}: the recording status callback; a completed recording is copied in.
import { methodNotAllowed } from "@/lib/http";
import { interactionQuery, recordingSchema } from "@/server/transports/twilio/schema";
import { storeRecording } from "@/server/transports/twilio/voice";
import { twilioWebhook } from "@/server/transports/twilio/webhook";

export const POST = twilioWebhook({ query: interactionQuery, body: recordingSchema }, async ({ query, body }) => {
  if (body.RecordingStatus === "completed") await storeRecording(query.i, body.RecordingUrl);
  return new Response(null, { status: 204 });
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
