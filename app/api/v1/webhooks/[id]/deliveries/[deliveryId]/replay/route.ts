// POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/replay: send this delivery again (202).
import { handler, methodNotAllowed, parseParams } from "@/lib/http";
import { requireApiAuth } from "@/server/auth/authenticate";
import { deliveryParamsSchema } from "@/server/webhooks/schema";
import { replayDelivery } from "@/server/webhooks/service";

export const POST = handler(
  async ({ params }) => {
    const { id, deliveryId } = parseParams(params, deliveryParamsSchema);
    return Response.json(await replayDelivery(id, deliveryId), { status: 202 });
  },
  { before: requireApiAuth },
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
