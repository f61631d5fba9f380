// Dashboard sessions. The cookie carries a random 256-bit token; the database keeps only its SHA-256,
// so reading the database does not let anyone sign in. Sessions slide: each use within the last half
// of their life extends them, so staff who work all day are not signed out mid-shift.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { SESSION_COOKIE } from "@/lib/dashboard-protocol";
import { publicUrl } from "@/lib/env";
import { arrivedOverHttps } from "@/lib/forwarded";
import { withWriteLock } from "@/lib/sql";
import { hashSecret } from "./credentials";

const SESSION_TTL_MS = 7 * 24 * 3600_000;

export type StaffPrincipal = { kind: "staff"; userId: string; email: string; name: string; role: "admin" | "staff" };

/** A new session's cookie token and its row (`id` is the token's hash), for the caller to store. */
export function mintSession(): { token: string; row: { id: string; expiresAt: Date } } {
  const token = randomBytes(32).toString("base64url");
  return { token, row: { id: hashSecret(token), expiresAt: new Date(Date.now() + SESSION_TTL_MS) } };
}

export async function createSession(userId: string): Promise<{ token: string; expiresAt: Date }> {
  const { token, row } = mintSession();
  await withWriteLock(() => db.staffSession.create({ data: { ...row, userId } }));
  return { token, expiresAt: row.expiresAt };
}

/** The signed-in staff member for a session token, or null when it is unknown, expired or the user is inactive. */
export async function findSessionPrincipal(token: string | undefined | null): Promise<StaffPrincipal | null> {
  if (!token || token.length > 100) return null;
  const id = hashSecret(token);
  const session = await db.staffSession.findUnique({
    where: { id },
    select: { expiresAt: true, user: { select: { id: true, email: true, name: true, role: true, active: true } } },
  });
  const now = Date.now();
  if (!session || session.expiresAt.getTime() <= now || !session.user.active) return null;
  if (session.expiresAt.getTime() - now < SESSION_TTL_MS / 2) {
    const expiresAt = new Date(now + SESSION_TTL_MS);
    withWriteLock(() => db.staffSession.update({ where: { id }, data: { expiresAt, lastSeenAt: new Date(now) } })).catch(
      () => {},
    );
  }
  const { user } = session;
  return { kind: "staff", userId: user.id, email: user.email, name: user.name, role: user.role === "admin" ? "admin" : "staff" };
}

export async function deleteSession(token: string | undefined | null) {
  if (!token) return;
  await withWriteLock(() => db.staffSession.deleteMany({ where: { id: hashSecret(token) } }));
}

/** Reads one cookie from a Cookie header. A value that is not valid percent-encoding counts as absent. */
function readCookie(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      // A malformed value ("%E0%A4%A") is no session at all, not a server error.
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** The session token a request carries, if any. */
export const sessionTokenOf = (req: Request) => readCookie(req.headers.get("cookie"), SESSION_COOKIE);

/**
 * httpOnly so scripts cannot read it, SameSite=Lax so other sites cannot send it with a form post, and
 * Secure whenever the request came over https (directly, or through a trusted proxy's X-Forwarded-Proto).
 */
export function sessionCookie(token: string, expiresAt: Date, req: Request): string {
  const secure = publicUrl().startsWith("https:") || arrivedOverHttps(req.headers) ? "; Secure" : "";
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secure}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

/** Housekeeping, run with the worker's periodic sweep: expired sessions are useless rows. */
export async function deleteExpiredSessions(now = new Date()) {
  await withWriteLock(() => db.staffSession.deleteMany({ where: { expiresAt: { lt: now } } }));
}
