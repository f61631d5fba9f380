// POST /api/v1/channels/twilio/test: send a test SMS or place a test call to your own phone.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { twilioTestSchema } from "@/server/transports/twilio/schema";
import { sendTwilioTest } from "@/server/transports/twilio/settings";

export const POST = route({ auth: "admin", body: twilioTestSchema }, async ({ body }) =>
  Response.json(await sendTwilioTest(body), { status: 201 }),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
