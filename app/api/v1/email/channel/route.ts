// GET /api/v1/email/channel: SMTP and IMAP status and the inbound webhook URL (admins).
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { emailChannel } from "@/server/transports/email/channel";

export const GET = route({ auth: "admin" }, async () =>
  Response.json(emailChannel(), { headers: { "Cache-Control": "no-store" } }),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
