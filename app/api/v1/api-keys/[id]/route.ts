// GET /api/v1/api-keys/{id}: one credential (no secret). DELETE: revoke it (the row stays, marked revoked).
// Staff reach only their own keys (others answer 404); admins every key.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { getApiKey, revokeApiKey } from "@/server/api-keys/service";
import { actorOf } from "@/server/staff/ownership";

export const GET = route({ auth: "staff", params: idParamsSchema }, async ({ params, auth }) =>
  Response.json(await getApiKey(actorOf(auth), params.id)),
);

export const DELETE = route({ auth: "staff", params: idParamsSchema }, async ({ params, auth }) =>
  Response.json(await revokeApiKey(actorOf(auth), params.id)),
);

export const { POST, PUT, PATCH } = methodNotAllowed(["GET", "DELETE"]);
