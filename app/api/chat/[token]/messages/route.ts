// POST /api/chat/{token}/messages: the customer writes; the agent (or staff) answers.
import { clientAddress } from "@/lib/forwarded";
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { chatMessageSchema, chatTokenParamsSchema } from "@/server/conversations/schema";
import { conversationIdOf, receiveCustomerMessage } from "@/server/transports/webchat/service";

export const POST = route(
  { auth: "public", params: chatTokenParamsSchema, body: chatMessageSchema },
  async ({ req, params, body }) => {
    const id = await conversationIdOf(params.token);
    return Response.json(
      { message: await receiveCustomerMessage(id, body.content, clientAddress(req.headers)) },
      { status: 201 },
    );
  },
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
