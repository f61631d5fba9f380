// GET /api/v1/knowledge-bases/{id}/search?q=: the passages an agent would get for a question, best first.
import { listResponse, methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { knowledgeSearchQuerySchema } from "@/server/knowledge/schema";
import { searchKnowledgeBase } from "@/server/knowledge/service";

export const GET = route(
  { auth: "api", params: idParamsSchema, query: knowledgeSearchQuerySchema },
  async ({ req, params, query }) => {
    const hits = await searchKnowledgeBase(params.id, query.q, query.limit);
    return listResponse(req, hits, hits.length, 1, query.limit);
  },
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
