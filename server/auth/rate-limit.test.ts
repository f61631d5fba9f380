import { describe, expect, it } from "vitest";
import { takeToken } from "./rate-limit";

describe("API rate limit (token bucket)", () => {
  it("allows a minute's worth at once, then asks the caller to wait for the next token", () => {
    const t0 = 5_000_000;
    for (let i = 0; i < 60; i++) expect(takeToken("burst", 60, t0)).toBe(0);
    expect(takeToken("burst", 60, t0)).toBe(1);
    expect(takeToken("burst", 60, t0 + 1000)).toBe(0);
  });

  it("never refuses a steady caller at the limit", () => {
    const t0 = 9_000_000;
    for (let i = 0; i < 600; i++) expect(takeToken("steady", 6000, t0 + i * 10)).toBe(0);
  });

  it("is off at 0", () => {
    for (let i = 0; i < 1000; i++) expect(takeToken("off", 0)).toBe(0);
  });
});
