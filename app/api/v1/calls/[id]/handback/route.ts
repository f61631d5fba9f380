// POST /api/v1/calls/{id}/handback: the agent resumes, with the staff turns in its context.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { callIdParamsSchema } from "@/server/calls/schema";
import { getCall } from "@/server/calls/service";
import { handBack, personOf } from "@/server/conversations/takeover";

export const POST = route({ auth: "api", params: callIdParamsSchema }, async ({ params, auth }) => {
  await handBack(params.id, personOf(auth));
  return Response.json(await getCall(params.id));
});

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
