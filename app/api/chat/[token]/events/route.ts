// GET /api/chat/{token}/events: the customer's live stream (messages, typing, status); see
// server/transports/webchat/stream.ts.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { chatTokenParamsSchema } from "@/server/conversations/schema";
import { conversationIdOf } from "@/server/transports/webchat/service";
import { chatEventsResponse } from "@/server/transports/webchat/stream";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "public", params: chatTokenParamsSchema }, async ({ req, params }) =>
  chatEventsResponse(await conversationIdOf(params.token), req.signal),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
