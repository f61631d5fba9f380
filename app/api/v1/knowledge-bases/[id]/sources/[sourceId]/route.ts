// GET /api/v1/knowledge-bases/{id}/sources/{sourceId}; DELETE removes it and its passages in one transaction.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { sourceParamsSchema } from "@/server/knowledge/schema";
import { deleteSource, getSource } from "@/server/knowledge/service";

export const GET = route({ auth: "api", params: sourceParamsSchema }, async ({ params }) =>
  Response.json(await getSource(params.id, params.sourceId)),
);

export const DELETE = route({ auth: "api", params: sourceParamsSchema }, async ({ params }) => {
  await deleteSource(params.id, params.sourceId);
  return new Response(null, { status: 204 });
});

export const { POST, PUT, PATCH } = methodNotAllowed(["GET", "DELETE"]);
