// GET /api/chat/widget?agentId&skillId: what the widget shows before the visitor's first message.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { widgetQuerySchema } from "@/server/conversations/schema";
import { widgetConfig } from "@/server/transports/webchat/service";

export const GET = route({ auth: "public", query: widgetQuerySchema }, async ({ query }) =>
  Response.json(await widgetConfig(query.agentId, query.skillId)),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
