// POST /api/v1/knowledge-bases/{id}/sources/{sourceId}/refresh: fetch a URL source again.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { sourceParamsSchema } from "@/server/knowledge/schema";
import { refreshSource } from "@/server/knowledge/service";

export const POST = route({ auth: "api", params: sourceParamsSchema }, async ({ params }) =>
  Response.json(await refreshSource(params.id, params.sourceId), { status: 202 }),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
