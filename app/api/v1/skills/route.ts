// GET /api/v1/skills: list (paged). POST: create a skill.
import { listResponse, methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { directoryQuerySchema } from "@/lib/validation";
import { createSkillSchema } from "@/server/skills/schema";
import { createSkill, listSkills } from "@/server/skills/service";

export const GET = route({ auth: "api", query: directoryQuerySchema }, async ({ req, query }) => {
  const { items, total } = await listSkills(query);
  return listResponse(req, items, total, query.page, query.limit);
});

export const POST = route({ auth: "api", body: createSkillSchema }, async ({ body }) =>
  Response.json(await createSkill(body), { status: 201 }),
);

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
