// POST /api/v1/webhooks/{id}/test: queue a signed webhook.test event for this endpoint (202, its delivery).
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { sendTestEvent } from "@/server/webhooks/service";
import { actorOf } from "@/server/staff/ownership";

export const POST = route({ auth: "api", params: idParamsSchema }, async ({ params, auth }) =>
  Response.json(await sendTestEvent(actorOf(auth), params.id), { status: 202 }),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
