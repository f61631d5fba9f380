// GET/PUT /api/v1/knowledge-bases/{id}; DELETE removes it with its sources and passages.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { updateKnowledgeBaseSchema } from "@/server/knowledge/schema";
import { deleteKnowledgeBase, getKnowledgeBase, updateKnowledgeBase } from "@/server/knowledge/service";

export const GET = route({ auth: "api", params: idParamsSchema }, async ({ params }) =>
  Response.json(await getKnowledgeBase(params.id)),
);

export const PUT = route({ auth: "api", params: idParamsSchema, body: updateKnowledgeBaseSchema }, async ({ params, body }) =>
  Response.json(await updateKnowledgeBase(params.id, body)),
);

export const DELETE = route({ auth: "api", params: idParamsSchema }, async ({ params }) => {
  await deleteKnowledgeBase(params.id);
  return new Response(null, { status: 204 });
});

export const { POST, PATCH } = methodNotAllowed(["GET", "PUT", "DELETE"]);
