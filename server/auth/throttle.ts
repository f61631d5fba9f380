// Failed sign-in throttling with growing delays, never a hard lock.
//
// Three counters, each with a few free failures and then a delay that doubles with every failure:
// - an account from one address: someone guessing one password (5 free);
// - an address, whatever the account: one client trying many accounts (20 free);
// - an account, from every address: guessing spread over many addresses (20 free). It only delays
//   addresses that have not signed in to that account before, and each address adds at most its
//   first 5 failures to it, so nobody alone can slow the account down for its real owner.
// A client refused here never reaches the password check, so its attempt is not counted.
//
// An attempt is reserved (counted as a failure) before anything is awaited, so a burst of concurrent
// guesses cannot all pass the check at once; a success or an abandoned attempt gives it back.
// Counters live in memory: each instance throttles on its own share of the traffic.
import { LruMap } from "@/lib/lru-map";

export type Rule = { free: number; baseMs: number; capMs: number };

export const RULES = {
  pair: { free: 5, baseMs: 5_000, capMs: 15 * 60_000 },
  address: { free: 20, baseMs: 5_000, capMs: 15 * 60_000 },
  account: { free: 20, baseMs: 5_000, capMs: 5 * 60_000 },
} satisfies Record<string, Rule>;

/** The wait after `failures` failures: none for the free ones, then baseMs, doubling up to capMs. */
export function delayAfter(failures: number, rule: Rule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.capMs, rule.baseMs * 2 ** (failures - rule.free));
}

/** `failures` includes the `pending` attempts still being checked; `last` is the latest answer (or reservation). */
type Counter = { failures: number; pending: number; last: number };
type Key = { name: string; rule: Rule };

export type Reservation = {
  /** The password was right: give the attempt back, forget this address's failures for the account. */
  succeeded(now?: number): void;
  /** The password was wrong: the attempt stays counted. */
  failed(now?: number): void;
  /** No password was checked (an error, a full queue): give the attempt back. */
  abandoned(): void;
};

export type Verdict = { ok: true; reservation: Reservation } | { ok: false; retryAfterSeconds: number };

export type ThrottleOptions = { maxKeys?: number; forgetMs?: number; maxKnown?: number; knownForMs?: number };

export class SignInThrottle {
  private readonly counters: LruMap<Counter>;
  private readonly known: LruMap<number>;
  private readonly forgetMs: number;
  private readonly knownForMs: number;

  constructor({
    maxKeys = 50_000,
    forgetMs = 60 * 60_000,
    maxKnown = 10_000,
    knownForMs = 30 * 24 * 3600_000,
  }: ThrottleOptions = {}) {
    this.counters = new LruMap(maxKeys);
    this.known = new LruMap(maxKnown);
    this.forgetMs = forgetMs;
    this.knownForMs = knownForMs;
  }

  /** A counter still in force (counters with no failure for forgetMs start over). */
  private counter(name: string, now: number): Counter | undefined {
    const counter = this.counters.get(name);
    return counter && now - counter.last < this.forgetMs ? counter : undefined;
  }

  private isKnown(pair: string, now: number): boolean {
    const at = this.known.get(pair);
    return at !== undefined && now - at < this.knownForMs;
  }

  /** Checks and, when allowed, reserves one attempt by `address` at `account`. Synchronous by design. */
  reserve(account: string, address: string, now = Date.now()): Verdict {
    const pair = `${account} from ${address}`;
    const keys: Key[] = [
      { name: `pair:${pair}`, rule: RULES.pair },
      { name: `address:${address}`, rule: RULES.address },
    ];
    if (!this.isKnown(pair, now)) keys.push({ name: `account:${account}`, rule: RULES.account });
    let waitMs = 0;
    for (const { name, rule } of keys) {
      const counter = this.counter(name, now);
      // Delays count from the answer: an attempt still being checked holds off the next one.
      if (counter) waitMs = Math.max(waitMs, (counter.pending ? now : counter.last) + delayAfter(counter.failures, rule) - now);
    }
    if (waitMs > 0) return { ok: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };

    // The account counter takes only each address's first few failures (see the top of the file).
    const counted = [`pair:${pair}`, `address:${address}`];
    if ((this.counter(`pair:${pair}`, now)?.failures ?? 0) < RULES.pair.free) counted.push(`account:${account}`);
    for (const name of counted) {
      const counter = this.counter(name, now) ?? { failures: 0, pending: 0, last: now };
      this.counters.set(name, {
        failures: counter.failures + 1,
        pending: counter.pending + 1,
        last: Math.max(counter.last, now),
      });
    }

    let settled = false;
    const finish = (failed: boolean, at: number) => {
      for (const name of counted) {
        const counter = this.counters.get(name);
        if (!counter) continue; // evicted meanwhile
        counter.pending = Math.max(0, counter.pending - 1);
        if (failed) this.counters.set(name, { ...counter, last: Math.max(counter.last, at) });
        else counter.failures = Math.max(0, counter.failures - 1);
      }
    };
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    return {
      ok: true,
      reservation: {
        succeeded: (at = Date.now()) =>
          settle(() => {
            finish(false, at);
            this.counters.delete(`pair:${pair}`);
            this.known.set(pair, at);
          }),
        failed: (at = Date.now()) => settle(() => finish(true, at)),
        abandoned: () => settle(() => finish(false, now)),
      },
    };
  }

  /** For tests: how many counters are held. */
  get size() {
    return this.counters.size;
  }
}

/** This process's throttle for dashboard sign-in. */
export const signInThrottle = new SignInThrottle();
