// GET /api/v1/agents/{id}/actions: the agent's actions (all of them: at most 20). POST: add one.
import { listResponse, methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { createActionSchema, MAX_ACTIONS_PER_AGENT } from "@/server/actions/schema";
import { createAction, listActions } from "@/server/actions/service";

export const GET = route({ auth: "api", params: idParamsSchema }, async ({ req, params }) => {
  const items = await listActions(params.id);
  return listResponse(req, items, items.length, 1, MAX_ACTIONS_PER_AGENT);
});

export const POST = route({ auth: "api", params: idParamsSchema, body: createActionSchema }, async ({ params, body }) =>
  Response.json(await createAction(params.id, body), { status: 201 }),
);

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
