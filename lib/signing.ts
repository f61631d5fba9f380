// HMAC signing for short-lived URL tokens (recordings). The key is APP_SECRET, or a secret generated
// once and kept in the database so every instance shares it.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { db } from "./db";
import { env } from "./env";

let cached: Promise<Buffer> | null = null;

export function appSecret(): Promise<Buffer> {
  cached ??= loadSecret().catch((e) => {
    cached = null;
    throw e;
  });
  return cached;
}

async function loadSecret(): Promise<Buffer> {
  if (env.APP_SECRET) return Buffer.from(env.APP_SECRET, "utf8");
  const fresh = randomBytes(32).toString("base64url");
  // upsert with an empty update keeps the first instance's value when several start at once.
  const row = await db.setting.upsert({ where: { key: "app_secret" }, create: { key: "app_secret", value: fresh }, update: {} });
  return Buffer.from(row.value, "utf8");
}

export async function signToken(purpose: string, subject: string, ttlSeconds: number): Promise<string> {
  const expires = Math.floor(Date.now() / 1000) + ttlSeconds;
  const mac = createHmac("sha256", await appSecret())
    .update(`${purpose}.${subject}.${expires}`)
    .digest("base64url");
  return `${expires}.${mac}`;
}

export async function verifyToken(purpose: string, subject: string, token: string): Promise<"ok" | "expired" | "invalid"> {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return "invalid";
  const expected = createHmac("sha256", await appSecret())
    .update(`${purpose}.${subject}.${match[1]}`)
    .digest();
  const given = Buffer.from(match[2], "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";
  return Number(match[1]) * 1000 < Date.now() ? "expired" : "ok";
}
