// Prisma access for signing in. The password hash is read here and nowhere else outside server/staff.
import { db } from "@/lib/db";
import { withWriteLock } from "@/lib/sql";

export const findStaffForSignIn = (email: string) =>
  db.staffUser.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true },
  });

/** Replaces a hash made with older parameters; a hash changed in the meantime is left alone. */
export const replacePasswordHash = (id: string, previous: string, passwordHash: string) =>
  withWriteLock(() => db.staffUser.updateMany({ where: { id, passwordHash: previous }, data: { passwordHash } }));
