// POST /api/v1/webhooks/{id}/rotate-secret: a new signing secret, shown in this answer only.
import { handler, methodNotAllowed, parseParams } from "@/lib/http";
import { idParamsSchema } from "@/lib/validation";
import { requireApiAuth } from "@/server/auth/authenticate";
import { rotateWebhookSecret } from "@/server/webhooks/service";

export const POST = handler(
  async ({ params }) => Response.json(await rotateWebhookSecret(parseParams(params, idParamsSchema).id)),
  { before: requireApiAuth },
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
