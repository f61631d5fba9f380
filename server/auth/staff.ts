// Staff users sign in to the dashboard. Their passwords are human-chosen, so they are stored with
// scrypt, a deliberately slow hash.
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { db } from "@/lib/db";

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 64);
  return `scrypt$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await scrypt(password, Buffer.from(salt, "base64"), expected.length);
  return timingSafeEqual(actual, expected);
}

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
