// POST /api/v1/calls/{id}/messages: a staff message to the customer (takes the conversation over).
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { callIdParamsSchema } from "@/server/calls/schema";
import { toMessage } from "@/server/calls/serialize";
import { staffMessageSchema } from "@/server/conversations/schema";
import { personOf, sendStaffMessage } from "@/server/conversations/takeover";

export const POST = route({ auth: "api", params: callIdParamsSchema, body: staffMessageSchema }, async ({ params, auth, body }) =>
  Response.json(toMessage(await sendStaffMessage(params.id, personOf(auth), body.content)), { status: 201 }),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
