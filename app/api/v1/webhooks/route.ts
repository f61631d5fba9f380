// GET /api/v1/webhooks: list endpoints (no secrets). POST: register one; the answer shows its secret once.
import { handler, listResponse, methodNotAllowed, parseBody, parseQuery } from "@/lib/http";
import { requireApiAuth } from "@/server/auth/authenticate";
import { createWebhookSchema, listWebhooksQuerySchema } from "@/server/webhooks/schema";
import { createWebhook, listWebhooks } from "@/server/webhooks/service";

export const GET = handler(
  async ({ req }) => {
    const query = parseQuery(req, listWebhooksQuerySchema);
    const { items, total } = await listWebhooks(query);
    return listResponse(req, items, total, query.page, query.limit);
  },
  { before: requireApiAuth },
);

export const POST = handler(
  async ({ req }) => Response.json(await createWebhook(await parseBody(req, createWebhookSchema)), { status: 201 }),
  { before: requireApiAuth },
);

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
