// POST /api/v1/webhooks/{id}/test: queue a signed webhook.test event for this endpoint (202, its delivery).
import { handler, methodNotAllowed, parseParams } from "@/lib/http";
import { idParamsSchema } from "@/lib/validation";
import { requireApiAuth } from "@/server/auth/authenticate";
import { sendTestEvent } from "@/server/webhooks/service";

export const POST = handler(
  async ({ params }) => Response.json(await sendTestEvent(parseParams(params, idParamsSchema).id), { status: 202 }),
  { before: requireApiAuth },
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
