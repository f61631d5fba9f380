// Changing passwords. A person changes their own with the current one (a borrowed, unlocked screen
// is not enough); an admin sets anyone else's, for a forgotten one. Either way every session of the
// account ends: the person who changed their own gets a fresh session in the same transaction, so the
// screen they are on keeps working while copies of the old cookie (anywhere else) stop.
import { ApiError, fieldError, notFound } from "@/lib/errors";
import { mintSession, type StaffPrincipal } from "@/server/auth/session";
import { hashPassword, verifyPassword } from "@/server/auth/staff";
import { clearFailures, recordFailure, throttledFor } from "@/server/auth/throttle";
import * as q from "./queries";
import type { ChangeOwnPasswordInput, SetStaffPasswordInput } from "./schema";
import { getStaffUser } from "./service";

/** Answers the new session (token and expiry) that replaces the caller's. */
export async function changeOwnPassword(actor: StaffPrincipal, input: ChangeOwnPasswordInput) {
  // Guessing the current password counts against the same per-account limit as signing in.
  const keys = [`email:${actor.email.toLowerCase()}`];
  const wait = throttledFor(keys);
  if (wait > 0) {
    throw new ApiError("rate_limited", "Too many wrong passwords. Try again later.", {
      headers: { "Retry-After": String(wait) },
    });
  }
  const stored = await q.findPasswordHash(actor.userId);
  if (!stored || !(await verifyPassword(input.currentPassword, stored))) {
    recordFailure(keys);
    throw fieldError("currentPassword", "That is not your current password.");
  }
  clearFailures(keys);
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
