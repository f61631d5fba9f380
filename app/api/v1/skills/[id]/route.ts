// GET/PUT /api/v1/skills/{id}; DELETE deactivates the skill (its interactions keep it).
import { handler, methodNotAllowed, parseBody, parseParams } from "@/lib/http";
import { idParamsSchema } from "@/lib/validation";
import { updateSkillSchema } from "@/server/skills/schema";
import { deactivateSkill, getSkill, updateSkill } from "@/server/skills/service";
import { requireApiAuth } from "@/server/auth/authenticate";

export const GET = handler(async ({ params }) => Response.json(await getSkill(parseParams(params, idParamsSchema).id)), {
  before: requireApiAuth,
});

export const PUT = handler(
  async ({ req, params }) => {
    const { id } = parseParams(params, idParamsSchema);
    return Response.json(await updateSkill(id, await parseBody(req, updateSkillSchema)));
  },
  { before: requireApiAuth },
);

export const DELETE = handler(
  async ({ params }) => Response.json(await deactivateSkill(parseParams(params, idParamsSchema).id)),
  { before: requireApiAuth },
);

export const { POST, PATCH } = methodNotAllowed(["GET", "PUT", "DELETE"]);
