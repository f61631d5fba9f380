// POST /api/v1/session: sign in (sets the session cookie). GET: who is signed in. DELETE: sign out.
import { ApiError } from "@/lib/errors";
import { clientAddress } from "@/lib/forwarded";
import { methodNotAllowed, parseBody } from "@/lib/http";
import { route } from "@/lib/route";
import { isSameOrigin } from "@/server/auth/authenticate";
import { signInSchema } from "@/server/auth/schema";
import { clearedSessionCookie, sessionCookie, sessionTokenOf } from "@/server/auth/session";
import { signIn, signOut, toSessionUser } from "@/server/auth/sign-in";

// Public: signing in is how a session starts. The origin check comes before the body is read.
export const POST = route({ auth: "public" }, async ({ req }) => {
  // A sign-in form posted from another site could sign a victim into the attacker's account.
  if (!isSameOrigin(req)) throw new ApiError("forbidden", "Sign in from Callboard's own sign-in page.");
  const { session, principal } = await signIn(await parseBody(req, signInSchema), clientAddress(req.headers));
  return Response.json(toSessionUser(principal), {
    headers: { "Set-Cookie": sessionCookie(session.token, session.expiresAt, req), "Cache-Control": "no-store" },
  });
});

export const GET = route({ auth: "api" }, async ({ auth }) => {
  if (auth.kind !== "staff") throw new ApiError("not_found", "API credentials have no dashboard session.");
  return Response.json(toSessionUser(auth), { headers: { "Cache-Control": "no-store" } });
});

// Public: signing out without a session is harmless and simply clears the cookie.
export const DELETE = route({ auth: "public" }, async ({ req }) => {
  if (!isSameOrigin(req)) throw new ApiError("forbidden", "Sign out from Callboard's own pages.");
  await signOut(sessionTokenOf(req));
  return new Response(null, { status: 204, headers: { "Set-Cookie": clearedSessionCookie() } });
});

const { PUT, PATCH } = methodNotAllowed(["GET", "POST", "DELETE"]);
export { PATCH, PUT };
