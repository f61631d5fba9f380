// GET/PUT/DELETE /api/v1/webhooks/{id}: one endpoint (never its secret).
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { updateWebhookSchema } from "@/server/webhooks/schema";
import { deleteWebhook, getWebhook, updateWebhook } from "@/server/webhooks/service";

export const GET = route({ auth: "api", params: idParamsSchema }, async ({ params }) =>
  Response.json(await getWebhook(params.id)),
);

export const PUT = route({ auth: "api", params: idParamsSchema, body: updateWebhookSchema }, async ({ params, body }) =>
  Response.json(await updateWebhook(params.id, body)),
);

export const DELETE = route({ auth: "api", params: idParamsSchema }, async ({ params }) => {
  await deleteWebhook(params.id);
  return new Response(null, { status: 204 });
});

export const { POST, PATCH } = methodNotAllowed(["GET", "PUT", "DELETE"]);
