// GET /api/v1/api-keys/{id}: one credential (no secret). DELETE: revoke it (the row stays, marked revoked).
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { getApiKey, revokeApiKey } from "@/server/api-keys/service";

export const GET = route({ auth: "staff", params: idParamsSchema }, async ({ params }) =>
  Response.json(await getApiKey(params.id)),
);

export const DELETE = route({ auth: "staff", params: idParamsSchema }, async ({ params }) =>
  Response.json(await revokeApiKey(params.id)),
);

export const { POST, PUT, PATCH } = methodNotAllowed(["GET", "DELETE"]);
