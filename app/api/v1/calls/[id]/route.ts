// GET /api/v1/calls/{id}: one call object. PUT: change agentId, status (legal transitions only) or note.
import { handler, methodNotAllowed, parseBody, parseParams } from "@/lib/http";
import { requireApiAuth } from "@/server/auth/authenticate";
import { callIdParamsSchema, updateCallSchema } from "@/server/calls/schema";
import { getCall, updateCall } from "@/server/calls/service";

export const GET = handler(async ({ params }) => Response.json(await getCall(parseParams(params, callIdParamsSchema).id)), {
  before: requireApiAuth,
});

export const PUT = handler(
  async ({ req, params }) => {
    const { id } = parseParams(params, callIdParamsSchema);
    return Response.json(await updateCall(id, await parseBody(req, updateCallSchema)));
  },
  { before: requireApiAuth },
);

export const { POST, PATCH, DELETE } = methodNotAllowed(["GET", "PUT"]);
