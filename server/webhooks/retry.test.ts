import { describe, expect, it } from "vitest";
import { retryDelayMs, retryUntilFrom } from "./retry";

describe("webhook retry schedule", () => {
  it("retries first within about 10 seconds, then doubles with jitter", () => {
    expect(retryDelayMs(1, 0)).toBe(4000);
    expect(retryDelayMs(1, 1)).toBe(6000);
    expect(retryDelayMs(2, 0.5)).toBe(10_000);
    expect(retryDelayMs(3, 0.5)).toBe(20_000);
  });

  it("waits at most about six hours between attempts", () => {
    expect(retryDelayMs(40, 0.5)).toBe(6 * 3_600_000);
    expect(retryDelayMs(40, 1)).toBe(7.2 * 3_600_000);
  });

  it("gives up about a day after the first attempt", () => {
    const start = new Date("2026-01-01T00:00:00Z");
    expect(retryUntilFrom(start).toISOString()).toBe("2026-01-02T00:00:00.000Z");
    let elapsed = 0;
    let attempts = 1;
    while (elapsed + retryDelayMs(attempts, 0.5) <= 86_400_000) elapsed += retryDelayMs(attempts++, 0.5);
    expect(attempts).toBeGreaterThan(10);
    expect(elapsed).toBeGreaterThan(18 * 3_600_000);
  });
});
