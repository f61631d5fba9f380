// POST /sign-out: the dashboard's Sign out button is a plain form post, so it works even before the
// page's JavaScript has loaded. It ends the session and returns to the sign-in page.
import { isSameOrigin } from "@/server/auth/authenticate";
import { clearedSessionCookie, sessionTokenOf } from "@/server/auth/session";
import { signOut } from "@/server/auth/sign-in";

export async function POST(req: Request) {
  // Another site must not be able to sign staff out (a nuisance CSRF); such a post is ignored.
  if (isSameOrigin(req)) await signOut(sessionTokenOf(req));
  return new Response(null, {
    status: 303,
    headers: { Location: "/sign-in", ...(isSameOrigin(req) && { "Set-Cookie": clearedSessionCookie() }) },
  });
}
