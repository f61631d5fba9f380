// GET /api/chat/{token}: the customer's view of their conversation (the token is the chat link's).
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { chatTokenParamsSchema } from "@/server/conversations/schema";
import { conversationIdOf, getConversation } from "@/server/transports/webchat/service";

export const GET = route({ auth: "public", params: chatTokenParamsSchema }, async ({ params }) =>
  Response.json({ conversation: await getConversation(await conversationIdOf(params.token)) }),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
