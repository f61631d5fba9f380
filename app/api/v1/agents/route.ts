// GET /api/v1/agents: list (paged). POST: create an agent.
import { handler, listResponse, methodNotAllowed, parseBody, parseQuery } from "@/lib/http";
import { directoryQuerySchema } from "@/lib/validation";
import { createAgentSchema } from "@/server/agents/schema";
import { createAgent, listAgents } from "@/server/agents/service";
import { requireApiAuth } from "@/server/auth/authenticate";

export const GET = handler(
  async ({ req }) => {
    const query = parseQuery(req, directoryQuerySchema);
    const { items, total } = await listAgents(query);
    return listResponse(req, items, total, query.page, query.limit);
  },
  { before: requireApiAuth },
);

export const POST = handler(
  async ({ req }) => Response.json(await createAgent(await parseBody(req, createAgentSchema)), { status: 201 }),
  { before: requireApiAuth },
);

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
