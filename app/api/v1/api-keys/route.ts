// GET /api/v1/api-keys: list API credentials (no secrets). POST: create one; its secret is in this
// response only. Staff session only: an API credential cannot mint or list credentials.
import { handler, listResponse, methodNotAllowed, parseBody, parseQuery } from "@/lib/http";
import { apiKeyListQuerySchema, createApiKeySchema } from "@/server/api-keys/schema";
import { createApiKey, listApiKeys } from "@/server/api-keys/service";
import { requireStaffSession } from "@/server/auth/authenticate";

const NO_STORE = { "Cache-Control": "no-store" };

export const GET = handler(
  async ({ req }) => {
    const query = parseQuery(req, apiKeyListQuerySchema);
    const { items, total } = await listApiKeys(query);
    return listResponse(req, items, total, query.page, query.limit);
  },
  { before: requireStaffSession },
);

export const POST = handler(
  async ({ req }) =>
    Response.json(await createApiKey(await parseBody(req, createApiKeySchema)), { status: 201, headers: NO_STORE }),
  { before: requireStaffSession },
);

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
