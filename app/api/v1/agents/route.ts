// GET /api/v1/agents: list (paged). POST: create an agent.
import { listResponse, methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { directoryQuerySchema } from "@/lib/validation";
import { createAgentSchema } from "@/server/agents/schema";
import { createAgent, listAgents } from "@/server/agents/service";

export const GET = route({ auth: "api", query: directoryQuerySchema }, async ({ req, query }) => {
  const { items, total } = await listAgents(query);
  return listResponse(req, items, total, query.page, query.limit);
});

export const POST = route({ auth: "api", body: createAgentSchema }, async ({ body }) =>
  Response.json(await createAgent(body), { status: 201 }),
);

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
