// POST /api/chat/{token}/end: the customer closes the conversation.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { chatTokenParamsSchema } from "@/server/conversations/schema";
import { conversationIdOf, endChat } from "@/server/transports/webchat/service";

export const POST = route({ auth: "public", params: chatTokenParamsSchema }, async ({ params }) =>
  Response.json({ conversation: await endChat(await conversationIdOf(params.token)) }),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
