// GET /api/v1/api-keys: list API credentials (no secrets): a staff member's own, or every key for an
// admin. POST: create one, owned by the caller; its secret is in this response only. Staff session
// only: an API credential cannot mint or list credentials.
import { listResponse, methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { apiKeyListQuerySchema, createApiKeySchema } from "@/server/api-keys/schema";
import { createApiKey, listApiKeys } from "@/server/api-keys/service";
import { actorOf } from "@/server/staff/ownership";

const NO_STORE = { "Cache-Control": "no-store" };

export const GET = route({ auth: "staff", query: apiKeyListQuerySchema }, async ({ req, query, auth }) => {
  const { items, total } = await listApiKeys(actorOf(auth), query);
  return listResponse(req, items, total, query.page, query.limit);
});

export const POST = route({ auth: "staff", body: createApiKeySchema }, async ({ body, auth }) =>
  Response.json(await createApiKey(actorOf(auth), body), { status: 201, headers: NO_STORE }),
);

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
