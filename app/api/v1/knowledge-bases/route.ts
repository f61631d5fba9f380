// GET /api/v1/knowledge-bases: list (paged). POST: create a knowledge base.
import { listResponse, methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { createKnowledgeBaseSchema, knowledgeBaseListQuerySchema } from "@/server/knowledge/schema";
import { createKnowledgeBase, listKnowledgeBases } from "@/server/knowledge/service";

export const GET = route({ auth: "api", query: knowledgeBaseListQuerySchema }, async ({ req, query }) => {
  const { items, total } = await listKnowledgeBases(query);
  return listResponse(req, items, total, query.page, query.limit);
});

export const POST = route({ auth: "api", body: createKnowledgeBaseSchema }, async ({ body }) =>
  Response.json(await createKnowledgeBase(body), { status: 201 }),
);

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
