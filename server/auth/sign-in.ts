// Signing staff in and out of the dashboard.
import { ApiError } from "@/lib/errors";
import { NO_ACCOUNT_HASH, hashPassword, needsRehash, verifyPassword } from "./password";
import { findStaffForSignIn, replacePasswordHash } from "./queries";
import type { SignInInput } from "./schema";
import { createSession, deleteSession, type StaffPrincipal } from "./session";
import { signInThrottle } from "./throttle";

const waitText = (seconds: number) =>
  seconds < 120 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;

/** `address` is the client's (lib/forwarded.ts clientAddress): failures are throttled per account and per address. */
export async function signIn(input: SignInInput, address: string) {
  const email = input.email.toLowerCase();
  // Reserved before the first await, so concurrent guesses cannot all slip past the check.
  const verdict = signInThrottle.reserve(email, address);
  if (!verdict.ok) {
    throw new ApiError("rate_limited", `Too many failed sign-in attempts. Try again in ${waitText(verdict.retryAfterSeconds)}.`, {
      headers: { "Retry-After": String(verdict.retryAfterSeconds) },
    });
  }
  const { reservation } = verdict;
  try {
    const user = await findStaffForSignIn(email);
    // Unknown e-mails cost a hash too, so the answer's timing does not reveal which accounts exist.
    const ok = await verifyPassword(input.password, user?.passwordHash ?? NO_ACCOUNT_HASH);
    if (!user || !ok || !user.active) {
      reservation.failed();
      throw new ApiError("unauthorized", "That e-mail and password do not match an active staff account.");
    }
    reservation.succeeded();
    if (needsRehash(user.passwordHash)) await upgradeHash(user.id, user.passwordHash, input.password);
    const session = await createSession(user.id);
    const principal: StaffPrincipal = {
      kind: "staff",
      userId: user.id,
      email: user.email,
      name: user.name,
      role: user.role === "admin" ? "admin" : "staff",
    };
    return { session, principal };
  } finally {
    reservation.abandoned(); // no-op once failed or succeeded
  }
}

/** Stores the password again at today's cost. Best effort: if it fails, the next sign-in tries again. */
async function upgradeHash(id: string, previous: string, password: string) {
  try {
    await replacePasswordHash(id, previous, await hashPassword(password));
  } catch (error) {
    // A busy hash queue is expected under load; anything else is worth a log line, not a failed sign-in.
    if (!(error instanceof ApiError)) console.error("[callboard] could not upgrade a password hash:", error);
  }
}

export const signOut = deleteSession;

export function toSessionUser(p: StaffPrincipal) {
  return { id: p.userId, email: p.email, name: p.name, role: p.role };
}
