// Runs before routing, on every page and API request.
// - Forwarding headers: without TRUST_PROXY, X-Forwarded-For/-Proto sent by the client are dropped, so
//   Next fills them in from the socket (lib/forwarded.ts explains why this is the place).
// - API: Next.js cannot decode a path with malformed percent-encoding (e.g. "%E0%A4%A") and would answer
//   with a plain-text 500; such a request gets the API's 400 envelope instead.
// - Dashboard pages: a visitor with no session cookie goes to the sign-in page, which returns them to
//   the page they asked for. (The dashboard layout also checks that the session is still valid.)
import { NextResponse, type NextRequest } from "next/server";
import { REQUESTED_PATH_HEADER, SESSION_COOKIE } from "./lib/dashboard-protocol";
import { env } from "./lib/env";
import { forwardingHeadersFor } from "./lib/forwarded";

// Pages that need no session.
const OPEN_PAGES = new Set(["/sign-in", "/sign-out"]);

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  try {
    decodeURIComponent(pathname);
  } catch {
    return NextResponse.json(
      { error: { code: "bad_request", message: "The URL path has malformed percent-encoding." } },
      { status: 400 },
    );
  }
  const headers = forwardingHeadersFor(request.headers, env.TRUST_PROXY);
  if (!pathname.startsWith("/api/")) {
    if (!OPEN_PAGES.has(pathname) && !request.cookies.get(SESSION_COOKIE)?.value) {
      const url = request.nextUrl.clone();
      url.pathname = "/sign-in";
      url.search = `?next=${encodeURIComponent(pathname + search)}`;
      return NextResponse.redirect(url);
    }
    headers.set(REQUESTED_PATH_HEADER, pathname + search);
  }
  return NextResponse.next({ request: { headers } });
}

// Everything but static assets, which carry no session and render nothing.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"] };
