// POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/replay: send this delivery again (202).
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { deliveryParamsSchema } from "@/server/webhooks/schema";
import { replayDelivery } from "@/server/webhooks/service";
import { actorOf } from "@/server/staff/ownership";

export const POST = route({ auth: "api", params: deliveryParamsSchema }, async ({ params, auth }) =>
  Response.json(await replayDelivery(actorOf(auth), params.id, params.deliveryId), { status: 202 }),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
