// GET /api/v1/calls/{id}/messages/{sid}/original: an inbound e-mail as received (headers, full text).
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { getOriginal, originalParamsSchema } from "@/server/transports/email/service";

export const GET = route(
  { auth: "api", params: originalParamsSchema },
  async ({ params }) =>
    new Response(await getOriginal(params.id, params.sid), {
      headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" },
    }),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
