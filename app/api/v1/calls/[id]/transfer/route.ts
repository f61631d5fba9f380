// POST /api/v1/calls/{id}/transfer: connect a live voice call to a person (the agent's transfer number).
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { callIdParamsSchema, transferSchema } from "@/server/calls/schema";
import { getCall } from "@/server/calls/service";
import { transferCall } from "@/server/calls/transfer";
import { personOf } from "@/server/conversations/takeover";

export const POST = route({ auth: "api", params: callIdParamsSchema, body: transferSchema }, async ({ params, body, auth }) => {
  await transferCall(params.id, body.to, personOf(auth).name);
  return Response.json(await getCall(params.id));
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
