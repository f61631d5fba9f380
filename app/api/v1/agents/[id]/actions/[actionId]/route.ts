// GET/PUT/DELETE /api/v1/agents/{id}/actions/{actionId}: one action of an agent.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { actionParamsSchema, updateActionSchema } from "@/server/actions/schema";
import { deleteAction, getAction, updateAction } from "@/server/actions/service";

export const GET = route({ auth: "api", params: actionParamsSchema }, async ({ params }) =>
  Response.json(await getAction(params.id, params.actionId)),
);

export const PUT = route({ auth: "api", params: actionParamsSchema, body: updateActionSchema }, async ({ params, body }) =>
  Response.json(await updateAction(params.id, params.actionId, body)),
);

export const DELETE = route({ auth: "api", params: actionParamsSchema }, async ({ params }) => {
  await deleteAction(params.id, params.actionId);
  return new Response(null, { status: 204 });
});

export const { POST, PATCH } = methodNotAllowed(["GET", "PUT", "DELETE"]);
