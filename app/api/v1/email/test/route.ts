// POST /api/v1/email/test: sends a test e-mail through SMTP_URL from EMAIL_FROM (admins).
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { sendTestEmail } from "@/server/transports/email/channel";
import { testEmailSchema } from "@/server/transports/email/service";

export const POST = route({ auth: "admin", body: testEmailSchema }, async ({ body, auth }) =>
  Response.json(await sendTestEmail(body.to, auth.name || auth.email)),
);

export const { GET, PUT, PATCH, DELETE } = methodNotAllowed(["POST"]);
