// GET/PUT/DELETE /api/v1/webhooks/{id}: one endpoint (never its secret).
import { handler, methodNotAllowed, parseBody, parseParams } from "@/lib/http";
import { idParamsSchema } from "@/lib/validation";
import { requireApiAuth } from "@/server/auth/authenticate";
import { updateWebhookSchema } from "@/server/webhooks/schema";
import { deleteWebhook, getWebhook, updateWebhook } from "@/server/webhooks/service";

export const GET = handler(async ({ params }) => Response.json(await getWebhook(parseParams(params, idParamsSchema).id)), {
  before: requireApiAuth,
});

export const PUT = handler(
  async ({ req, params }) => {
    const { id } = parseParams(params, idParamsSchema);
    return Response.json(await updateWebhook(id, await parseBody(req, updateWebhookSchema)));
  },
  { before: requireApiAuth },
);

export const DELETE = handler(
  async ({ params }) => {
    await deleteWebhook(parseParams(params, idParamsSchema).id);
    return new Response(null, { status: 204 });
  },
  { before: requireApiAuth },
);

export const { POST, PATCH } = methodNotAllowed(["GET", "PUT", "DELETE"]);
