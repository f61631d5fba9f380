import { describe, expect, it } from "vitest";
import { clearFailures, recordFailure, throttledFor } from "./throttle";

describe("sign-in throttle", () => {
  it("refuses after five failures and allows again when the window passes", () => {
    const keys = ["email:a@example.com"];
    const t0 = 1_000_000;
    for (let i = 0; i < 4; i++) recordFailure(keys, t0 + i);
    expect(throttledFor(keys, t0 + 10)).toBe(0);
    recordFailure(keys, t0 + 5);
    expect(throttledFor(keys, t0 + 10)).toBe(900);
    expect(throttledFor(keys, t0 + 15 * 60_000 + 10)).toBe(0);
  });

  it("a success clears the count", () => {
    const keys = ["email:b@example.com"];
    for (let i = 0; i < 5; i++) recordFailure(keys, 2_000_000);
    clearFailures(keys);
    expect(throttledFor(keys, 2_000_001)).toBe(0);
  });
});
