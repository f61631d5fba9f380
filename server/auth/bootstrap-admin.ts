// The first dashboard admin, created at start (scripts/prepare.ts).
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "./password";

/**
 * Creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, or, with none set and no staff yet, a
 * generated password that the caller prints once.
 */
export async function bootstrapAdmin(email?: string, password?: string) {
  if (email && password) {
    const existing = await db.staffUser.findUnique({ where: { email: email.toLowerCase() } });
    if (!existing) {
      await db.staffUser.create({
        data: { email: email.toLowerCase(), name: "Admin", role: "admin", passwordHash: await hashPassword(password) },
      });
    }
    return null;
  }
  if ((await db.staffUser.count()) > 0) return null;
  const generated = { email: email?.toLowerCase() ?? "admin@callboard.local", password: randomBytes(12).toString("base64url") };
  await db.staffUser.create({
    data: { email: generated.email, name: "Admin", role: "admin", passwordHash: await hashPassword(generated.password) },
  });
  return generated;
}
