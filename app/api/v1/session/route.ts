// POST /api/v1/session: sign in (sets the session cookie). GET: who is signed in. DELETE: sign out.
import { ApiError } from "@/lib/errors";
import { clientAddress } from "@/lib/forwarded";
import { handler, methodNotAllowed, parseBody } from "@/lib/http";
import { isSameOrigin, requireApiAuth } from "@/server/auth/authenticate";
import { signInSchema } from "@/server/auth/schema";
import { clearedSessionCookie, sessionCookie, sessionTokenOf } from "@/server/auth/session";
import { signIn, signOut, toSessionUser } from "@/server/auth/sign-in";

export const POST = handler(async ({ req }) => {
  // A sign-in form posted from another site could sign a victim into the attacker's account.
  if (!isSameOrigin(req)) throw new ApiError("forbidden", "Sign in from Callboard's own sign-in page.");
  const input = await parseBody(req, signInSchema);
  const { session, principal } = await signIn(input, clientAddress(req.headers));
  return Response.json(toSessionUser(principal), {
    headers: { "Set-Cookie": sessionCookie(session.token, session.expiresAt, req), "Cache-Control": "no-store" },
  });
});

export const GET = handler(
  async ({ auth }) => {
    if (auth.kind !== "staff") throw new ApiError("not_found", "API credentials have no dashboard session.");
    return Response.json(toSessionUser(auth), { headers: { "Cache-Control": "no-store" } });
  },
  { before: requireApiAuth },
);

export const DELETE = handler(async ({ req }) => {
  if (!isSameOrigin(req)) throw new ApiError("forbidden", "Sign out from Callboard's own pages.");
  await signOut(sessionTokenOf(req));
  return new Response(null, { status: 204, headers: { "Set-Cookie": clearedSessionCookie() } });
});

const { PUT, PATCH } = methodNotAllowed(["GET", "POST", "DELETE"]);
export { PATCH, PUT };
