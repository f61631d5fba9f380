// GET /api/v1/agents/{id}/widget: the embed snippet and the identity secret of the agent's web chat
// widget (admins only: the secret lets a site vouch for its visitors).
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { widgetSettings } from "@/server/transports/webchat/widget";

export const GET = route({ auth: "admin", params: idParamsSchema }, async ({ params }) =>
  Response.json(await widgetSettings(params.id)),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
