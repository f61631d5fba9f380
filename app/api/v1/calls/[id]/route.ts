// GET /api/v1/calls/{id}: one call object. PUT: change agentId, status (legal transitions only) or note.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { callIdParamsSchema, updateCallSchema } from "@/server/calls/schema";
import { getCall, updateCall } from "@/server/calls/service";

export const GET = route({ auth: "api", params: callIdParamsSchema }, async ({ params }) =>
  Response.json(await getCall(params.id)),
);

export const PUT = route({ auth: "api", params: callIdParamsSchema, body: updateCallSchema }, async ({ params, body }) =>
  Response.json(await updateCall(params.id, body)),
);

export const { POST, PATCH, DELETE } = methodNotAllowed(["GET", "PUT"]);
