// Staff administration rules: e-mails are unique, an admin cannot remove, demote or deactivate
// themselves, and the last active admin always stays. Deactivating or removing someone ends their
// access (offboarding.ts); a role change ends their sessions, so the new role applies from the next sign-in.
import { isUniqueViolation } from "@/lib/db";
import { ApiError, notFound } from "@/lib/errors";
import { toIso } from "@/lib/time";
import { forgetCredential, forgetKeysOwnedBy } from "@/server/auth/credentials";
import type { StaffPrincipal } from "@/server/auth/session";
import { hashPassword } from "@/server/auth/password";
import { endAccessOf } from "./offboarding";
import * as q from "./queries";
import type { CreateStaffUserInput, StaffUserDto, StaffUserListQuery, UpdateStaffUserInput } from "./schema";

function toStaffUser(row: q.StaffUserRow): StaffUserDto {
  return {
    ...row,
    role: row.role === "admin" ? "admin" : "staff",
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}

const emailTaken = (email: string) =>
  new ApiError("conflict", `A staff account with the e-mail ${email} already exists.`, {
    details: [{ path: "email", message: "This e-mail address already has an account." }],
  });

const LAST_ADMIN = "Callboard needs at least one active admin: make someone else an admin first.";

/** Postgres serialization failures (P2034 / 40001): a concurrent change won; the client may retry. */
function isSerializationFailure(e: unknown) {
  const code = typeof e === "object" && e !== null ? String((e as { code?: unknown }).code) : "";
  return code === "P2034" || code === "40001";
}

async function guarded<T>(fn: Parameters<typeof q.adminGuardedWrite<T>>[0]): Promise<T> {
  try {
    return await q.adminGuardedWrite(fn);
  } catch (error) {
    if (isSerializationFailure(error)) {
      throw new ApiError("conflict", "Another change to staff accounts happened at the same time. Try again.");
    }
    throw error;
  }
}

export async function listStaffUsers(query: StaffUserListQuery) {
  const { rows, total } = await q.listStaffUsers(query);
  return { items: rows.map(toStaffUser), total };
}

export async function getStaffUser(id: string) {
  const row = await q.findStaffUser(id);
  if (!row) throw notFound("Staff user");
  return toStaffUser(row);
}

export async function createStaffUser(input: CreateStaffUserInput) {
  if (await q.findStaffUserByEmail(input.email)) throw emailTaken(input.email);
  const passwordHash = await hashPassword(input.password);
  try {
    return toStaffUser(await q.createStaffUser({ email: input.email, name: input.name, role: input.role, passwordHash }));
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken(input.email);
    throw error;
  }
}

export async function updateStaffUser(actor: StaffPrincipal, id: string, input: UpdateStaffUserInput) {
  const self = actor.userId === id;
  if (self && input.role === "staff") throw new ApiError("forbidden", "You cannot demote yourself. Ask another admin.");
  if (self && input.active === false) throw new ApiError("forbidden", "You cannot deactivate your own account.");
  const { after, revokedKeyIds } = await guarded(async (tx) => {
    const before = await q.findStaffUser(id, tx);
    if (!before) throw notFound("Staff user");
    const after = await q.updateStaffUser(tx, id, input);
    if (before.role === "admin" && before.active && (await q.countActiveAdmins(tx)) === 0) {
      throw new ApiError("conflict", LAST_ADMIN);
    }
    let revokedKeyIds: string[] = [];
    if (before.active && !after.active) revokedKeyIds = await endAccessOf(tx, after, "deactivated", new Date());
    else if (before.role !== after.role) await q.deleteSessionsOf(tx, id);
    return { after, revokedKeyIds };
  });
  for (const keyId of revokedKeyIds) forgetCredential(keyId);
  // Their keys stay, and act with the new role.
  forgetKeysOwnedBy(id);
  return toStaffUser(after);
}

export async function removeStaffUser(actor: StaffPrincipal, id: string) {
  if (actor.userId === id) throw new ApiError("forbidden", "You cannot remove your own account. Ask another admin.");
  const revokedKeyIds = await guarded(async (tx) => {
    const before = await q.findStaffUser(id, tx);
    if (!before) throw notFound("Staff user");
    const revoked = await endAccessOf(tx, before, "removed", new Date());
    await q.deleteStaffUser(tx, id);
    if (before.role === "admin" && (await q.countActiveAdmins(tx)) === 0) throw new ApiError("conflict", LAST_ADMIN);
    return revoked;
  });
  for (const keyId of revokedKeyIds) forgetCredential(keyId);
}
