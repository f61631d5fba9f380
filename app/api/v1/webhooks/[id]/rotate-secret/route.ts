// POST /api/v1/webhooks/{id}/rotate-secret: a new signing secret, shown in this answer only.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { rotateWebhookSecret } from "@/server/webhooks/service";
import { actorOf } from "@/server/staff/ownership";

export const POST = route({ auth: "api", params: idParamsSchema }, async ({ params, auth }) =>
  Response.json(await rotateWebhookSecret(actorOf(auth), params.id)),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
