// GET /api/v1/agents/{id}/actions-secret: the key the agent's action requests are signed with (admins only).
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { getActionSecret } from "@/server/actions/service";

export const GET = route({ auth: "admin", params: idParamsSchema }, async ({ params }) =>
  Response.json(await getActionSecret(params.id), { headers: { "Cache-Control": "no-store" } }),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
