// The first API credential and admin, made by the start (scripts/prepare.ts) from API_USERNAME /
// API_PASSWORD and ADMIN_EMAIL / ADMIN_PASSWORD, or generated when those are unset. Each is created
// once per database: a Setting row records it, so a credential revoked in the dashboard stays
// revoked and a removed admin stays removed, although the environment still names them.
import { randomBytes } from "node:crypto";
import { db, isUniqueViolation, type Tx } from "@/lib/db";
import { generateCredentialPair, hashSecret } from "./credentials";
import { hashPassword } from "./password";

/** `generated` is printed once by the caller; `notice` is one line for the start's log. */
export type BootstrapResult<G> = { generated?: G; notice?: string };

const credentialMark = (username: string) => `bootstrap_api_credential:${username}`;
const adminMark = (email: string) => `bootstrap_admin:${email}`;

const isMarked = async (key: string) => (await db.setting.findUnique({ where: { key }, select: { key: true } })) !== null;

/** upsert with an empty update: several instances starting at once all succeed. */
const mark = (key: string, value: string, client: Tx | typeof db = db) =>
  client.setting.upsert({ where: { key }, create: { key, value }, update: {} });

/** Creates a row and its mark together. False when an instance starting at the same moment won the race. */
async function createMarked(create: (tx: Tx) => Promise<unknown>, key: string, value: string): Promise<boolean> {
  try {
    await db.$transaction(async (tx) => {
      await create(tx);
      await mark(key, value, tx);
    });
    return true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return false;
  }
}

export async function bootstrapCredential(
  username?: string,
  password?: string,
): Promise<BootstrapResult<{ username: string; password: string }>> {
  if (username && password) {
    const row = await db.apiCredential.findUnique({
      where: { username },
      select: { id: true, revokedAt: true, secretHash: true },
    });
    const remove = "Remove API_USERNAME/API_PASSWORD from the environment.";
    if (row?.revokedAt) {
      return {
        notice: `the bootstrap API credential API_USERNAME=${username} was revoked in the dashboard; it stays revoked. ${remove}`,
      };
    }
    if (row) {
      // A new API_PASSWORD rotates the secret of a credential that is still active.
      if (row.secretHash !== hashSecret(password)) {
        await db.apiCredential.update({ where: { id: row.id }, data: { secretHash: hashSecret(password) } });
      }
      await mark(credentialMark(username), username);
      return {};
    }
    if (await isMarked(credentialMark(username))) {
      return { notice: `the bootstrap API credential API_USERNAME=${username} was deleted; it is not recreated. ${remove}` };
    }
    await createMarked(
      (tx) => tx.apiCredential.create({ data: { name: "Bootstrap (API_USERNAME)", username, secretHash: hashSecret(password) } }),
      credentialMark(username),
      username,
    );
    return {};
  }
  if ((await db.apiCredential.count()) > 0) return {};
  const pair = generateCredentialPair();
  const created = await createMarked(
    (tx) =>
      tx.apiCredential.create({
        data: { name: "Generated at first start", username: pair.username, secretHash: hashSecret(pair.password) },
      }),
    credentialMark(pair.username),
    pair.username,
  );
  return created ? { generated: pair } : {};
}

export async function bootstrapAdmin(
  email?: string,
  password?: string,
): Promise<BootstrapResult<{ email: string; password: string }>> {
  if (email && password) {
    const address = email.toLowerCase();
    // An existing account is left as it is: its password may have been changed in the dashboard since.
    if (await db.staffUser.findUnique({ where: { email: address }, select: { id: true } })) {
      await mark(adminMark(address), address);
      return {};
    }
    if (await isMarked(adminMark(address))) {
      return {
        notice: `the bootstrap admin ADMIN_EMAIL=${address} was removed in the dashboard; it is not recreated. Remove ADMIN_EMAIL/ADMIN_PASSWORD from the environment.`,
      };
    }
    const passwordHash = await hashPassword(password);
    await createMarked(
      (tx) => tx.staffUser.create({ data: { email: address, name: "Admin", role: "admin", passwordHash } }),
      adminMark(address),
      address,
    );
    return {};
  }
  if ((await db.staffUser.count()) > 0) return {};
  const generated = { email: email?.toLowerCase() ?? "admin@callboard.local", password: randomBytes(12).toString("base64url") };
  const passwordHash = await hashPassword(generated.password);
  const created = await createMarked(
    (tx) => tx.staffUser.create({ data: { email: generated.email, name: "Admin", role: "admin", passwordHash } }),
    adminMark(generated.email),
    generated.email,
  );
  return created ? { generated } : {};
}
