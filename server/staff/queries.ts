// Prisma access for staff accounts. passwordHash leaves this module only to be verified (findPasswordHash).
import { dialect, db, type Tx } from "@/lib/db";
import { withWriteLock, writeTx } from "@/lib/sql";
import { pageArgs } from "@/lib/validation";
import type { StaffUserListQuery } from "./schema";

const staffUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type StaffUserRow = NonNullable<Awaited<ReturnType<typeof findStaffUser>>>;

export const findStaffUser = (id: string, client: Tx | typeof db = db) =>
  client.staffUser.findUnique({ where: { id }, select: staffUserSelect });

export const findStaffUserByEmail = (email: string) => db.staffUser.findUnique({ where: { email }, select: { id: true } });

export async function listStaffUsers(query: StaffUserListQuery) {
  const [rows, total] = await Promise.all([
    db.staffUser.findMany({ select: staffUserSelect, orderBy: [{ email: "asc" }], ...pageArgs(query) }),
    db.staffUser.count(),
  ]);
  return { rows, total };
}

export const countActiveAdmins = (client: Tx) => client.staffUser.count({ where: { role: "admin", active: true } });

export const createStaffUser = (data: { email: string; name: string; role: string; passwordHash: string }) =>
  withWriteLock(() => db.staffUser.create({ data, select: staffUserSelect }));

/**
 * Runs an admin-count-sensitive write. On Postgres it is SERIALIZABLE, so two admins demoting each
 * other at the same moment cannot both succeed and leave no admin (one gets a serialization failure).
 */
export const adminGuardedWrite = <T>(fn: (tx: Tx) => Promise<T>) =>
  writeTx(fn, dialect === "postgresql" ? { isolationLevel: "Serializable" } : undefined);

export const updateStaffUser = (tx: Tx, id: string, data: { name?: string; role?: string; active?: boolean }) =>
  tx.staffUser.update({ where: { id }, data, select: staffUserSelect });

/** Ends every session of an account (the cascade on delete does this too, but not on deactivation). */
export const deleteSessionsOf = (tx: Tx, userId: string) => tx.staffSession.deleteMany({ where: { userId } });

export const findPasswordHash = async (id: string) =>
  (await db.staffUser.findUnique({ where: { id }, select: { passwordHash: true } }))?.passwordHash ?? null;

/**
 * Stores a new password hash and ends every session of the account in one transaction; `keep`, when
 * given, is the one new session that survives (the person who changed their own password). False when
 * there is no such account.
 */
export const setPasswordHash = (id: string, passwordHash: string, keep?: { id: string; expiresAt: Date }) =>
  writeTx(async (tx) => {
    const { count } = await tx.staffUser.updateMany({ where: { id }, data: { passwordHash } });
    if (count === 0) return false;
    await deleteSessionsOf(tx, id);
    if (keep) await tx.staffSession.create({ data: { ...keep, userId: id } });
    return true;
  });

/** Sessions go first explicitly: the cascade is declared, but this does not depend on the driver enforcing it. */
export async function deleteStaffUser(tx: Tx, id: string) {
  await deleteSessionsOf(tx, id);
  await tx.staffUser.delete({ where: { id } });
}
