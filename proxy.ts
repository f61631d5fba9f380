// Runs before routing, on every page and API request.
// - Forwarding headers: without TRUST_PROXY, X-Forwarded-For/-Proto sent by the client are dropped, so
//   Next fills them in from the socket (lib/forwarded.ts explains why this is the place).
// - Security headers on every answer, with a fresh CSP nonce for each page (lib/security-headers.ts).
// - API: Next.js cannot decode a path with malformed percent-encoding (e.g. "%E0%A4%A") and would answer
//   with a plain-text 500; such a request gets the API's 400 envelope instead.
// - Dashboard pages: a visitor with no session cookie goes to the sign-in page, which returns them to
//   the page they asked for. (The dashboard layout also checks that the session is still valid.)
import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { REQUESTED_PATH_HEADER, SESSION_COOKIE } from "./lib/dashboard-protocol";
import { env, publicUrl } from "./lib/env";
import { forwardingHeadersFor } from "./lib/forwarded";
import { securityHeaders } from "./lib/security-headers";

// Pages that need no session.
const OPEN_PAGES = new Set(["/sign-in", "/sign-out"]);

function withSecurityHeaders(response: NextResponse, headers: Headers): NextResponse {
  for (const [name, value] of headers) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const nonce = isApi ? "" : randomBytes(16).toString("base64");
  const security = securityHeaders({
    kind: isApi ? "api" : "page",
    nonce,
    https: publicUrl().startsWith("https:"),
    dev: env.NODE_ENV === "development",
  });
  try {
    decodeURIComponent(pathname);
  } catch {
    const body = { error: { code: "bad_request", message: "The URL path has malformed percent-encoding." } };
    return withSecurityHeaders(NextResponse.json(body, { status: 400 }), security);
  }
  const headers = forwardingHeadersFor(request.headers, env.TRUST_PROXY);
  if (!isApi) {
    if (!OPEN_PAGES.has(pathname) && !request.cookies.get(SESSION_COOKIE)?.value) {
      const url = request.nextUrl.clone();
      url.pathname = "/sign-in";
      url.search = `?next=${encodeURIComponent(pathname + search)}`;
      return withSecurityHeaders(NextResponse.redirect(url), security);
    }
    headers.set(REQUESTED_PATH_HEADER, pathname + search);
    // Next takes the nonce for its own scripts from the request's policy.
    headers.set("content-security-policy", security.get("content-security-policy") ?? "");
  }
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), security);
}

// Everything but static assets, which carry no session and render nothing.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"] };
