// GET/PUT /api/v1/agents/{id}; DELETE deactivates the agent (its interactions keep it).
import { handler, methodNotAllowed, parseBody, parseParams } from "@/lib/http";
import { idParamsSchema } from "@/lib/validation";
import { updateAgentSchema } from "@/server/agents/schema";
import { deactivateAgent, getAgent, updateAgent } from "@/server/agents/service";
import { requireApiAuth } from "@/server/auth/authenticate";

export const GET = handler(async ({ params }) => Response.json(await getAgent(parseParams(params, idParamsSchema).id)), {
  before: requireApiAuth,
});

export const PUT = handler(
  async ({ req, params }) => {
    const { id } = parseParams(params, idParamsSchema);
    return Response.json(await updateAgent(id, await parseBody(req, updateAgentSchema)));
  },
  { before: requireApiAuth },
);

export const DELETE = handler(
  async ({ params }) => Response.json(await deactivateAgent(parseParams(params, idParamsSchema).id)),
  { before: requireApiAuth },
);

export const { POST, PATCH } = methodNotAllowed(["GET", "PUT", "DELETE"]);
