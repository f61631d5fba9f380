// POST /api/chat/start: the widget visitor's first message opens an inbound web chat.
import { methodNotAllowed } from "@/lib/http";
import { clientAddress } from "@/lib/forwarded";
import { route } from "@/lib/route";
import { chatStartSchema } from "@/server/conversations/schema";
import { startChat } from "@/server/transports/webchat/service";

export const POST = route({ auth: "public", body: chatStartSchema }, async ({ req, body }) =>
  Response.json(await startChat(body, clientAddress(req.headers)), { status: 201 }),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
