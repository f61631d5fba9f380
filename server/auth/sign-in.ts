// Signing staff in and out of the dashboard.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import type { SignInInput } from "./schema";
import { createSession, deleteSession, type StaffPrincipal } from "./session";
import { verifyPassword } from "./staff";
import { clearFailures, recordFailure, throttledFor } from "./throttle";

// Spent on unknown e-mails too, so response time does not reveal which addresses have accounts.
const DUMMY_HASH =
  "scrypt$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==";

// Throttled per account: a client address is not trustworthy behind proxies (X-Forwarded-For is
// client-supplied), and a shared address key would let one person's typos lock out a whole office.
export async function signIn(input: SignInInput) {
  const email = input.email.toLowerCase();
  const keys = [`email:${email}`];
  const wait = throttledFor(keys);
  if (wait > 0) {
    throw new ApiError(
      "rate_limited",
      `Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? "s" : ""}.`,
      { headers: { "Retry-After": String(wait) } },
    );
  }
  const user = await db.staffUser.findUnique({ where: { email } });
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) {
    recordFailure(keys);
    throw new ApiError("unauthorized", "That e-mail and password do not match an active staff account.");
  }
  clearFailures(keys);
  const session = await createSession(user.id);
  const principal: StaffPrincipal = {
    kind: "staff",
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role === "admin" ? "admin" : "staff",
  };
  return { session, principal };
}

export const signOut = deleteSession;

export function toSessionUser(p: StaffPrincipal) {
  return { id: p.userId, email: p.email, name: p.name, role: p.role };
}
