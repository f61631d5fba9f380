// GET/PUT /api/v1/agents/{id}; DELETE deactivates the agent (its interactions keep it).
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { updateAgentSchema } from "@/server/agents/schema";
import { deactivateAgent, getAgent, updateAgent } from "@/server/agents/service";

export const GET = route({ auth: "api", params: idParamsSchema }, async ({ params }) => Response.json(await getAgent(params.id)));

export const PUT = route({ auth: "api", params: idParamsSchema, body: updateAgentSchema }, async ({ params, body }) =>
  Response.json(await updateAgent(params.id, body)),
);

export const DELETE = route({ auth: "api", params: idParamsSchema }, async ({ params }) =>
  Response.json(await deactivateAgent(params.id)),
);

export const { POST, PATCH } = methodNotAllowed(["GET", "PUT", "DELETE"]);
