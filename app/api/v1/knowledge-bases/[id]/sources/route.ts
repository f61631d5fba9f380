// GET /api/v1/knowledge-bases/{id}/sources: every source with its status. POST: add pasted text or a URL
// (JSON), or a file (multipart/form-data); it answers 202 at once and is indexed by the worker.
import { listResponse, methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { addSource, listSources } from "@/server/knowledge/service";

export const GET = route({ auth: "api", params: idParamsSchema }, async ({ req, params }) => {
  const items = await listSources(params.id);
  return listResponse(req, items, items.length, 1, Math.max(1, items.length));
});

export const POST = route({ auth: "api", params: idParamsSchema }, async ({ req, params }) =>
  Response.json(await addSource(params.id, req), { status: 202 }),
);

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
