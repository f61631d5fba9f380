// Runs before routing, on every page and API request.
// - Forwarding headers: without TRUST_PROXY, X-Forwarded-For/-Proto sent by the client are dropped, so
//   Next fills them in from the socket (lib/forwarded.ts explains why this is the place).
// - Security headers on every answer, with a fresh CSP nonce for each page (lib/security-headers.ts).
// - API: Next.js cannot decode a path with malformed percent-encoding (e.g. "%E0%A4%A") and would answer
//   with a plain-text 500; such a request gets the API's 400 envelope instead.
// - Dashboard pages: a visitor with no session cookie goes to the sign-in page, which returns them to
//   the page they asked for. (The dashboard layout also checks that the session is still valid.)
// - The customer's chat pages (/chat/**) are no dashboard: no session, no sign-in, and other sites may
//   frame them (WEBCHAT_ALLOWED_ORIGINS), since the web chat widget shows them in an iframe.
import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { REQUESTED_PATH_HEADER, SESSION_COOKIE } from "./lib/dashboard-protocol";
import { env, publicUrl } from "./lib/env";
import { forwardingHeadersFor } from "./lib/forwarded";
import { chatFrameAncestors, type HeaderKind, securityHeaders } from "./lib/security-headers";

// Pages that need no session.
const OPEN_PAGES = new Set(["/sign-in", "/sign-out"]);
// The customer's chat: the conversation's token is all the authority it has.
const CHAT_PREFIX = "/chat/";
// Read once: the setting cannot change while the process runs.
const CHAT_ANCESTORS = chatFrameAncestors(env.WEBCHAT_ALLOWED_ORIGINS);

function withSecurityHeaders(response: NextResponse, headers: Headers): NextResponse {
  for (const [name, value] of headers) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const kind: HeaderKind = isApi ? "api" : pathname.startsWith(CHAT_PREFIX) ? "chat" : "page";
  const nonce = isApi ? "" : randomBytes(16).toString("base64");
  const security = securityHeaders({
    kind,
    nonce,
    https: publicUrl().startsWith("https:"),
    dev: env.NODE_ENV === "development",
    chatAncestors: CHAT_ANCESTORS,
  });
  try {
    decodeURIComponent(pathname);
  } catch {
    const body = { error: { code: "bad_request", message: "The URL path has malformed percent-encoding." } };
    return withSecurityHeaders(NextResponse.json(body, { status: 400 }), security);
  }
  const headers = forwardingHeadersFor(request.headers, env.TRUST_PROXY);
  if (kind === "page") {
    if (!OPEN_PAGES.has(pathname) && !request.cookies.get(SESSION_COOKIE)?.value) {
      const url = request.nextUrl.clone();
      url.pathname = "/sign-in";
      url.search = `?next=${encodeURIComponent(pathname + search)}`;
      return withSecurityHeaders(NextResponse.redirect(url), security);
    }
    headers.set(REQUESTED_PATH_HEADER, pathname + search);
  }
  if (!isApi) {
    // Next takes the nonce for its own scripts from the request's policy.
    headers.set("content-security-policy", security.get("content-security-policy") ?? "");
  }
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), security);
}

// Everything but static assets, which carry no session and render nothing. /widget.js is loaded by
// other sites' pages, by visitors who have no session (next.config.ts gives it its headers).
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|widget.js).*)"] };
