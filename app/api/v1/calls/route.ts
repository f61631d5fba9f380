// POST /api/v1/calls: create an interaction (200, as the reference). GET: list, newest first.
import { handler, listResponse, methodNotAllowed, parseBody, parseQuery } from "@/lib/http";
import { requireApiAuth } from "@/server/auth/authenticate";
import { createCallSchema, listCallsQuerySchema } from "@/server/calls/schema";
import { createCall, listCalls } from "@/server/calls/service";

export const POST = handler(
  async ({ req }) => {
    const call = await createCall(await parseBody(req, createCallSchema));
    return Response.json(call, { status: 200, headers: { Location: call.links.self } });
  },
  { before: requireApiAuth },
);

export const GET = handler(
  async ({ req }) => {
    const query = parseQuery(req, listCallsQuerySchema);
    const { items, total } = await listCalls(query);
    return listResponse(req, items, total, query.page, query.limit);
  },
  { before: requireApiAuth },
);

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
