// Runs before routing.
// - API: Next.js cannot decode a path with malformed percent-encoding (e.g. "%E0%A4%A") and would answer
//   with a plain-text 500; such a request gets the API's 400 envelope instead.
// - Dashboard pages: a visitor with no session cookie goes to the sign-in page, which returns them to
//   the page they asked for. (The dashboard layout also checks that the session is still valid.)
import { NextResponse, type NextRequest } from "next/server";
import { REQUESTED_PATH_HEADER, SESSION_COOKIE } from "./lib/dashboard-protocol";

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
  if (pathname.startsWith("/api/")) return NextResponse.next();
  if (!request.cookies.get(SESSION_COOKIE)?.value) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  const headers = new Headers(request.headers);
  headers.set(REQUESTED_PATH_HEADER, pathname + search);
  return NextResponse.next({ request: { headers } });
}

// Everything but the sign-in page and static assets.
export const config = { matcher: ["/api/:path*", "/((?!sign-in|sign-out|_next/|favicon.ico|icon.svg|robots.txt).*)"] };
