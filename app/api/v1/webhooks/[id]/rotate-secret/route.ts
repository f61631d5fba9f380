// POST /api/v1/webhooks/{id}/rotate-secret: a new signing secret, shown in this answer only.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { rotateWebhookSecret } from "@/server/webhooks/service";

export const POST = route({ auth: "api", params: idParamsSchema }, async ({ params }) =>
  Response.json(await rotateWebhookSecret(params.id)),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
