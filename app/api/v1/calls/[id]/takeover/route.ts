// POST /api/v1/calls/{id}/takeover: a person pauses the agent and writes instead of it.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { callIdParamsSchema } from "@/server/calls/schema";
import { getCall } from "@/server/calls/service";
import { personOf, takeOver } from "@/server/conversations/takeover";

export const POST = route({ auth: "api", params: callIdParamsSchema }, async ({ params, auth }) => {
  await takeOver(params.id, personOf(auth));
  return Response.json(await getCall(params.id));
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
