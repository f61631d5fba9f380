// PUT /api/v1/session/password: the signed-in person changes their own password (the current one is
// required). Every other session of theirs ends; this one is replaced by a fresh cookie.
import { clientAddress } from "@/lib/forwarded";
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { sessionCookie } from "@/server/auth/session";
import { toSessionUser } from "@/server/auth/sign-in";
import { changeOwnPasswordSchema } from "@/server/staff/schema";
import { changeOwnPassword } from "@/server/staff/passwords";

export const PUT = route({ auth: "staff", body: changeOwnPasswordSchema }, async ({ req, body, auth }) => {
  const session = await changeOwnPassword(auth, body, clientAddress(req.headers));
  return Response.json(toSessionUser(auth), {
    headers: { "Set-Cookie": sessionCookie(session.token, session.expiresAt, req), "Cache-Control": "no-store" },
  });
});

export const { GET, POST, PATCH, DELETE } = methodNotAllowed(["PUT"]);
