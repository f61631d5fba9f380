// GET /api/v1/skills: list (paged). POST: create an skill.
import { handler, listResponse, methodNotAllowed, parseBody, parseQuery } from "@/lib/http";
import { directoryQuerySchema } from "@/lib/validation";
import { createSkillSchema } from "@/server/skills/schema";
import { createSkill, listSkills } from "@/server/skills/service";
import { requireApiAuth } from "@/server/auth/authenticate";

export const GET = handler(
  async ({ req }) => {
    const query = parseQuery(req, directoryQuerySchema);
    const { items, total } = await listSkills(query);
    return listResponse(req, items, total, query.page, query.limit);
  },
  { before: requireApiAuth },
);

export const POST = handler(
  async ({ req }) => Response.json(await createSkill(await parseBody(req, createSkillSchema)), { status: 201 }),
  { before: requireApiAuth },
);

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
