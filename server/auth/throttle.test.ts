import { describe, expect, it } from "vitest";
import { LruMap } from "@/lib/lru-map";
import { delayAfter, RULES, type Reservation, SignInThrottle, type Verdict } from "./throttle";

const T0 = 1_000_000_000;

function reserved(verdict: Verdict): Reservation {
  if (!verdict.ok) throw new Error(`refused for ${verdict.retryAfterSeconds} s`);
  return verdict.reservation;
}

/** `n` wrong passwords in a row, all answered at time `at` (so only free failures pass). */
function fail(throttle: SignInThrottle, account: string, address: string, n: number, at = T0) {
  for (let i = 0; i < n; i++) reserved(throttle.reserve(account, address, at)).failed(at);
}

/** `n` wrong passwords, each as soon as the delay allows; returns the time of the last. */
function failPatiently(throttle: SignInThrottle, account: string, address: string, n: number, from = T0): number {
  let at = from;
  for (let i = 0; i < n; i++) {
    let verdict = throttle.reserve(account, address, at);
    if (!verdict.ok) {
      at += verdict.retryAfterSeconds * 1000;
      verdict = throttle.reserve(account, address, at);
    }
    reserved(verdict).failed(at);
  }
  return at;
}

/** Whether an attempt would be let through now (without counting it). */
function allowed(throttle: SignInThrottle, account: string, address: string, at = T0): boolean {
  const verdict = throttle.reserve(account, address, at);
  if (verdict.ok) verdict.reservation.abandoned();
  return verdict.ok;
}

describe("sign-in throttle delays", () => {
  it("grows: a few free failures, then a delay that doubles up to its cap", () => {
    const rule = { free: 5, baseMs: 5_000, capMs: 60_000 };
    expect([0, 4].map((n) => delayAfter(n, rule))).toEqual([0, 0]);
    expect([5, 6, 7, 8, 9, 50, 5000].map((n) => delayAfter(n, rule))).toEqual([
      5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000,
    ]);
  });

  it("slows one address guessing one account, and says how long to wait", () => {
    const throttle = new SignInThrottle();
    fail(throttle, "admin@x.test", "198.51.100.1", RULES.pair.free);
    expect(throttle.reserve("admin@x.test", "198.51.100.1", T0 + 1000)).toEqual({ ok: false, retryAfterSeconds: 4 });
    // Once the delay has passed, one more try; its failure doubles the delay.
    reserved(throttle.reserve("admin@x.test", "198.51.100.1", T0 + 5000)).failed(T0 + 5000);
    expect(throttle.reserve("admin@x.test", "198.51.100.1", T0 + 5000 + 9000)).toMatchObject({ ok: false });
    expect(throttle.reserve("admin@x.test", "198.51.100.1", T0 + 5000 + 10_000).ok).toBe(true);
  });

  it("does not slow the same account from another address", () => {
    const throttle = new SignInThrottle();
    const last = failPatiently(throttle, "admin@x.test", "198.51.100.1", 10);
    expect(allowed(throttle, "admin@x.test", "198.51.100.1", last)).toBe(false);
    expect(allowed(throttle, "admin@x.test", "203.0.113.9", last)).toBe(true);
  });

  it("slows one address trying many accounts", () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < RULES.address.free; i++) fail(throttle, `user${i}@x.test`, "198.51.100.1", 1);
    expect(throttle.reserve("someone-else@x.test", "198.51.100.1", T0).ok).toBe(false);
    expect(throttle.reserve("someone-else@x.test", "198.51.100.2", T0).ok).toBe(true);
  });

  it("slows guessing spread over many addresses, except from addresses the owner signed in from", () => {
    const throttle = new SignInThrottle();
    reserved(throttle.reserve("admin@x.test", "192.0.2.1", T0 - 1000)).succeeded(T0 - 1000); // the owner's office
    // Ten failures from one address add only its five free ones to the account's count...
    const at = failPatiently(throttle, "admin@x.test", "198.51.100.1", 10);
    fail(throttle, "admin@x.test", "198.51.100.2", 5, at);
    fail(throttle, "admin@x.test", "198.51.100.3", 5, at);
    fail(throttle, "admin@x.test", "198.51.100.4", 4, at);
    expect(allowed(throttle, "admin@x.test", "203.0.113.50", at)).toBe(true);
    // ...so the account is slowed once twenty failures came from several addresses.
    fail(throttle, "admin@x.test", "198.51.100.4", 1, at);
    expect(allowed(throttle, "admin@x.test", "203.0.113.50", at)).toBe(false);
    expect(allowed(throttle, "admin@x.test", "192.0.2.1", at)).toBe(true);
  });

  it("forgets failures after an hour without one", () => {
    const recent = new SignInThrottle();
    fail(recent, "a@x.test", "198.51.100.1", RULES.pair.free);
    fail(recent, "a@x.test", "198.51.100.1", 1, T0 + 59 * 60_000); // the delay has passed: one more
    expect(allowed(recent, "a@x.test", "198.51.100.1", T0 + 59 * 60_000)).toBe(false);
    const old = new SignInThrottle();
    fail(old, "a@x.test", "198.51.100.1", RULES.pair.free);
    fail(old, "a@x.test", "198.51.100.1", RULES.pair.free, T0 + 60 * 60_000); // free ones again
  });
});

describe("sign-in throttle reservations", () => {
  it("counts an attempt as soon as it is reserved, so a concurrent burst gets only the free ones", () => {
    const throttle = new SignInThrottle();
    const verdicts = Array.from({ length: 200 }, () => throttle.reserve("admin@x.test", "198.51.100.1", T0));
    expect(verdicts.filter((v) => v.ok)).toHaveLength(RULES.pair.free);
    expect(verdicts.slice(RULES.pair.free).every((v) => !v.ok && v.retryAfterSeconds === 5)).toBe(true);
  });

  it("gives the attempt back on success, and forgets that address's failures for the account", () => {
    const throttle = new SignInThrottle();
    fail(throttle, "a@x.test", "198.51.100.1", RULES.pair.free - 1);
    reserved(throttle.reserve("a@x.test", "198.51.100.1", T0)).succeeded(T0);
    fail(throttle, "a@x.test", "198.51.100.1", RULES.pair.free - 1);
    expect(throttle.reserve("a@x.test", "198.51.100.1", T0).ok).toBe(true);
  });

  it("gives the attempt back when no password was checked, and settles only once", () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 50; i++) reserved(throttle.reserve("a@x.test", "198.51.100.1", T0)).abandoned();
    const r = reserved(throttle.reserve("a@x.test", "198.51.100.1", T0));
    r.failed(T0);
    r.abandoned(); // ignored: the failure stands
    fail(throttle, "a@x.test", "198.51.100.1", RULES.pair.free - 1);
    expect(throttle.reserve("a@x.test", "198.51.100.1", T0).ok).toBe(false);
  });

  it("holds off further attempts while the last free ones are still being checked", () => {
    const throttle = new SignInThrottle();
    const pending = Array.from({ length: RULES.pair.free }, () => reserved(throttle.reserve("a@x.test", "198.51.100.1", T0)));
    expect(allowed(throttle, "a@x.test", "198.51.100.1", T0 + 60_000)).toBe(false); // a slow check: still unanswered
    for (const r of pending) r.failed(T0 + 60_000);
    expect(allowed(throttle, "a@x.test", "198.51.100.1", T0 + 64_000)).toBe(false);
    expect(allowed(throttle, "a@x.test", "198.51.100.1", T0 + 65_000)).toBe(true);
  });

  it("counts the delay from the answer, not from the start of the check", () => {
    const throttle = new SignInThrottle();
    fail(throttle, "a@x.test", "198.51.100.1", RULES.pair.free - 1);
    reserved(throttle.reserve("a@x.test", "198.51.100.1", T0)).failed(T0 + 3000);
    expect(throttle.reserve("a@x.test", "198.51.100.1", T0 + 7000)).toEqual({ ok: false, retryAfterSeconds: 1 });
  });
});

describe("sign-in throttle memory", () => {
  it("evicts the oldest counters first, a few at a time, never all at once", () => {
    const throttle = new SignInThrottle({ maxKeys: 30 });
    fail(throttle, "first@x.test", "198.51.100.1", RULES.pair.free);
    fail(throttle, "second@x.test", "198.51.100.2", RULES.pair.free);
    expect(allowed(throttle, "first@x.test", "198.51.100.1")).toBe(false);
    // Each new address and account adds three counters; ten of them push out the oldest ones.
    for (let i = 0; i < 9; i++) fail(throttle, `filler${i}@x.test`, `203.0.113.${i}`, 1);
    expect(throttle.size).toBe(30);
    expect(allowed(throttle, "second@x.test", "198.51.100.2")).toBe(false); // newer: still held
    expect(allowed(throttle, "first@x.test", "198.51.100.1")).toBe(true); // evicted: the oldest
  });

  it("LruMap keeps the most recently written keys", () => {
    const map = new LruMap<number>(3);
    for (const k of ["a", "b", "c"]) map.set(k, 1);
    map.set("a", 2); // rewriting makes "a" the newest
    map.set("d", 1);
    expect([...map.keys()]).toEqual(["c", "a", "d"]);
  });
});
