// GET /api/v1/api-keys/{id}: one credential (no secret). DELETE: revoke it (the row stays, marked revoked).
import { handler, methodNotAllowed, parseParams } from "@/lib/http";
import { idParamsSchema } from "@/lib/validation";
import { getApiKey, revokeApiKey } from "@/server/api-keys/service";
import { requireStaffSession } from "@/server/auth/authenticate";

export const GET = handler(async ({ params }) => Response.json(await getApiKey(parseParams(params, idParamsSchema).id)), {
  before: requireStaffSession,
});

export const DELETE = handler(async ({ params }) => Response.json(await revokeApiKey(parseParams(params, idParamsSchema).id)), {
  before: requireStaffSession,
});

export const { POST, PUT, PATCH } = methodNotAllowed(["GET", "DELETE"]);
