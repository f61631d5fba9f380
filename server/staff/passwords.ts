// Changing passwords. A person changes their own with the current one (a borrowed, unlocked screen
// is not enough); an admin sets anyone else's, for a forgotten one. Either way every session of the
// account ends: the person who changed their own gets a fresh session in the same transaction, so the
// screen they are on keeps working while copies of the old cookie (anywhere else) stop.
import { ApiError, fieldError, notFound } from "@/lib/errors";
import { mintSession, type StaffPrincipal } from "@/server/auth/session";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { signInThrottle } from "@/server/auth/throttle";
import * as q from "./queries";
import type { ChangeOwnPasswordInput, SetStaffPasswordInput } from "./schema";
import { getStaffUser } from "./service";

/** Answers the new session (token and expiry) that replaces the caller's. `address` is the client's. */
export async function changeOwnPassword(actor: StaffPrincipal, input: ChangeOwnPasswordInput, address: string) {
  // Guessing the current password counts against the same limits as signing in, reserved before any await.
  const verdict = signInThrottle.reserve(actor.email.toLowerCase(), address);
  if (!verdict.ok) {
    throw new ApiError("rate_limited", "Too many wrong passwords. Try again later.", {
      headers: { "Retry-After": String(verdict.retryAfterSeconds) },
    });
  }
  const { reservation } = verdict;
  try {
    const stored = await q.findPasswordHash(actor.userId);
    if (!stored || !(await verifyPassword(input.currentPassword, stored))) {
      reservation.failed();
      throw fieldError("currentPassword", "That is not your current password.");
    }
    reservation.succeeded();
  } finally {
    reservation.abandoned(); // no-op once failed or succeeded
  }
  const { token, row } = mintSession();
  if (!(await q.setPasswordHash(actor.userId, await hashPassword(input.newPassword), row))) throw notFound("Staff user");
  return { token, expiresAt: row.expiresAt };
}

export async function setStaffPassword(actor: StaffPrincipal, id: string, input: SetStaffPasswordInput) {
  // Without the current password, a stolen admin session could otherwise lock its owner out.
  if (actor.userId === id) {
    throw new ApiError("forbidden", "Change your own password on the Account page: it asks for your current one.");
  }
  if (!(await q.setPasswordHash(id, await hashPassword(input.password)))) throw notFound("Staff user");
  return getStaffUser(id);
}
