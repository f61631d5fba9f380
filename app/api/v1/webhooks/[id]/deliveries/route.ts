// GET /api/v1/webhooks/{id}/deliveries: the delivery log, newest first, with every attempt.
import { handler, listResponse, methodNotAllowed, parseParams, parseQuery } from "@/lib/http";
import { idParamsSchema } from "@/lib/validation";
import { requireApiAuth } from "@/server/auth/authenticate";
import { listDeliveriesQuerySchema } from "@/server/webhooks/schema";
import { listWebhookDeliveries } from "@/server/webhooks/service";

export const GET = handler(
  async ({ req, params }) => {
    const { id } = parseParams(params, idParamsSchema);
    const query = parseQuery(req, listDeliveriesQuerySchema);
    const { items, total } = await listWebhookDeliveries(id, query);
    return listResponse(req, items, total, query.page, query.limit);
  },
  { before: requireApiAuth },
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
