// GET /api/v1/webhooks: list endpoints (no secrets). POST: register one; the answer shows its secret once.
import { listResponse, methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { createWebhookSchema, listWebhooksQuerySchema } from "@/server/webhooks/schema";
import { createWebhook, listWebhooks } from "@/server/webhooks/service";
import { actorOf } from "@/server/staff/ownership";

export const GET = route({ auth: "api", query: listWebhooksQuerySchema }, async ({ req, query, auth }) => {
  const { items, total } = await listWebhooks(actorOf(auth), query);
  return listResponse(req, items, total, query.page, query.limit);
});

export const POST = route({ auth: "api", body: createWebhookSchema }, async ({ body, auth }) =>
  Response.json(await createWebhook(actorOf(auth), body), { status: 201 }),
);

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
