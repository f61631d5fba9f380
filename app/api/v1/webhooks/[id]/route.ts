// GET/PUT/DELETE /api/v1/webhooks/{id}: one endpoint (never its secret).
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { updateWebhookSchema } from "@/server/webhooks/schema";
import { deleteWebhook, getWebhook, updateWebhook } from "@/server/webhooks/service";
import { actorOf } from "@/server/staff/ownership";

export const GET = route({ auth: "api", params: idParamsSchema }, async ({ params, auth }) =>
  Response.json(await getWebhook(actorOf(auth), params.id)),
);

export const PUT = route({ auth: "api", params: idParamsSchema, body: updateWebhookSchema }, async ({ params, body, auth }) =>
  Response.json(await updateWebhook(actorOf(auth), params.id, body)),
);

export const DELETE = route({ auth: "api", params: idParamsSchema }, async ({ params, auth }) => {
  await deleteWebhook(actorOf(auth), params.id);
  return new Response(null, { status: 204 });
});

export const { POST, PATCH } = methodNotAllowed(["GET", "PUT", "DELETE"]);
