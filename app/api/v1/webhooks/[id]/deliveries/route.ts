// GET /api/v1/webhooks/{id}/deliveries: the delivery log, newest first, with every attempt.
import { listResponse, methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { listDeliveriesQuerySchema } from "@/server/webhooks/schema";
import { listWebhookDeliveries } from "@/server/webhooks/service";
import { actorOf } from "@/server/staff/ownership";

export const GET = route(
  { auth: "api", params: idParamsSchema, query: listDeliveriesQuerySchema },
  async ({ req, params, query, auth }) => {
    const { items, total } = await listWebhookDeliveries(actorOf(auth), params.id, query);
    return listResponse(req, items, total, query.page, query.limit);
  },
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
