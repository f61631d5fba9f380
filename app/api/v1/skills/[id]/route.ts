// GET/PUT /api/v1/skills/{id}; DELETE deactivates the skill (its interactions keep it).
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { updateSkillSchema } from "@/server/skills/schema";
import { deactivateSkill, getSkill, updateSkill } from "@/server/skills/service";

export const GET = route({ auth: "api", params: idParamsSchema }, async ({ params }) => Response.json(await getSkill(params.id)));

export const PUT = route({ auth: "api", params: idParamsSchema, body: updateSkillSchema }, async ({ params, body }) =>
  Response.json(await updateSkill(params.id, body)),
);

export const DELETE = route({ auth: "api", params: idParamsSchema }, async ({ params }) =>
  Response.json(await deactivateSkill(params.id)),
);

export const { POST, PATCH } = methodNotAllowed(["GET", "PUT", "DELETE"]);
