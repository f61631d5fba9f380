import { randomBytes, scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import { CURRENT_PARAMS, hashPassword, hashQueue, needsRehash, NO_ACCOUNT_HASH, parseHash, verifyPassword } from "./password";

/** A hash as Callboard stored them before parameters were kept: Node's defaults (N=16384, r=8, p=1). */
function legacyHash(password: string) {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString("base64")}$${scryptSync(password, salt, 64).toString("base64")}`;
}

// A hash at today's cost takes a second or more on a busy machine.
describe("password hashing", { timeout: 30_000 }, () => {
  it("stores OWASP's minimum scrypt parameters with each hash, and verifies it", async () => {
    expect(CURRENT_PARAMS).toEqual({ N: 131072, r: 8, p: 1 });
    const stored = await hashPassword("correct horse");
    expect(stored).toMatch(/^scrypt\$N=131072,r=8,p=1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    expect(await verifyPassword("correct horse", stored)).toBe(true);
    expect(await verifyPassword("correct horsf", stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it("verifies with the parameters stored in the hash", async () => {
    const cheap = await hashPassword("pw", { N: 1024, r: 4, p: 2 });
    expect(parseHash(cheap)?.params).toEqual({ N: 1024, r: 4, p: 2 });
    expect(await verifyPassword("pw", cheap)).toBe(true);
    expect(needsRehash(cheap)).toBe(true);
  });

  it("still verifies hashes in the old format, and asks for them to be replaced", async () => {
    const old = legacyHash("s3cret-password");
    expect(parseHash(old)?.params).toEqual({ N: 16384, r: 8, p: 1 });
    expect(await verifyPassword("s3cret-password", old)).toBe(true);
    expect(await verifyPassword("wrong", old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it("refuses malformed or absurd stored hashes instead of computing them", async () => {
    for (const bad of [
      "",
      "bcrypt$x$y",
      "scrypt$onlyone",
      "scrypt$N=3,r=8,p=1$AAAA$AAAAAAAAAAAAAAAAAAAAAA==",
      "scrypt$N=1073741824,r=8,p=1$AAAA$AAAAAAAAAAAAAAAAAAAAAA==",
    ]) {
      expect(parseHash(bad), bad).toBeNull();
      expect(await verifyPassword("x", bad)).toBe(false);
    }
    expect(parseHash(NO_ACCOUNT_HASH)?.params).toEqual(CURRENT_PARAMS);
  });

  it("answers 503 with Retry-After when too many hashes are waiting", async () => {
    const { concurrency, maxWaiting } = hashQueue;
    const cheap = { N: 1024, r: 8, p: 1 };
    const burst = Array.from({ length: concurrency + maxWaiting + 5 }, () => hashPassword("pw", cheap).catch((e: unknown) => e));
    const results = await Promise.all(burst);
    const refused = results.filter((r) => r instanceof ApiError);
    expect(refused).toHaveLength(5);
    expect(refused.every((e) => e.status === 503 && Number(e.extra.headers?.["Retry-After"]) >= 1)).toBe(true);
  });
});
