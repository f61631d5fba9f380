// POST /api/email/inbound: inbound e-mail from Postmark (JSON, ?token=EMAIL_INBOUND_SECRET) or Mailgun
// (routed form post, HMAC-signed with MAILGUN_SIGNING_KEY). The provider authenticates, not a user.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { receiveInboundWebhook } from "@/server/transports/email/webhook";

export const POST = route({ auth: "public" }, async ({ req }) => Response.json(await receiveInboundWebhook(req)));

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
