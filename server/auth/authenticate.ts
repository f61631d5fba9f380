// Authentication for /api/v1: HTTP Basic with an API credential, or a dashboard staff session cookie.
// Cookie-authenticated writes must come from our own pages (CSRF): their Origin must be this server.
import { publicUrl } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { type ApiPrincipal, verifyBasicHeader } from "./credentials";
import { enforceRateLimit } from "./rate-limit";
import { DASHBOARD_CLIENT_HEADER } from "@/lib/dashboard-protocol";
import { findSessionPrincipal, type StaffPrincipal, sessionTokenOf } from "./session";

export const UNAUTHORIZED_HEADERS = { "WWW-Authenticate": 'Basic realm="Callboard API", charset="UTF-8"' };

export type Principal = ApiPrincipal | StaffPrincipal;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** True when a browser request comes from a page served by this Callboard (or has no cross-site marker). */
export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (origin) {
    const own = new URL(req.url).origin;
    const host = req.headers.get("host");
    return origin === own || origin === publicUrl() || (!!host && (origin === `http://${host}` || origin === `https://${host}`));
  }
  // Browsers send Origin on every cross-origin write; without it, require the fetch metadata to agree.
  const site = req.headers.get("sec-fetch-site");
  return site === null || site === "same-origin" || site === "none";
}

export async function requireApiAuth(req: Request): Promise<Principal> {
  const header = req.headers.get("authorization");
  if (header) {
    const principal = await verifyBasicHeader(header);
    if (principal) {
      enforceRateLimit(principal.credentialId);
      return principal;
    }
    throw new ApiError("unauthorized", "The API credentials are wrong or revoked. Check the username and password.", {
      headers: UNAUTHORIZED_HEADERS,
    });
  }
  const staff = await findSessionPrincipal(sessionTokenOf(req));
  if (staff) {
    if (!SAFE_METHODS.has(req.method) && !isSameOrigin(req)) {
      throw new ApiError("forbidden", "This request came from another site, so it was refused (CSRF protection).");
    }
    return staff;
  }
  // The dashboard's own fetches must not get a Basic challenge: browsers would pop up a password dialog.
  const fromDashboard = req.headers.get(DASHBOARD_CLIENT_HEADER) !== null;
  throw new ApiError(
    "unauthorized",
    fromDashboard
      ? "Your session has ended. Sign in again."
      : "Authentication required: send an Authorization: Basic header with your API username and password, or sign in.",
    { headers: fromDashboard ? {} : UNAUTHORIZED_HEADERS },
  );
}

/** Staff administration: only a signed-in admin (API credentials do not manage staff). */
export async function requireAdmin(req: Request): Promise<StaffPrincipal> {
  const principal = await requireApiAuth(req);
  if (principal.kind !== "staff" || principal.role !== "admin") {
    throw new ApiError("forbidden", "Only an admin signed in to the dashboard may do this.");
  }
  return principal;
}

/** Dashboard-only endpoints (API keys): a signed-in staff member. API credentials cannot mint credentials. */
export async function requireStaffSession(req: Request): Promise<StaffPrincipal> {
  const principal = await requireApiAuth(req);
  if (principal.kind !== "staff") {
    throw new ApiError("forbidden", "API credentials are managed in the dashboard: sign in as a staff member.");
  }
  return principal;
}
