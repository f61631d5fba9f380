import { describe, expect, it, vi } from "vitest";
import { createThrottledErrorLog, createWakeableSleep } from "./loop";

describe("background loop helpers", () => {
  it("a wake ends the sleep at once; without one it lasts its full time", async () => {
    vi.useFakeTimers();
    try {
      const idle = createWakeableSleep();
      let done = false;
      const slept = idle.sleep(60_000).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(1_000);
      expect(done).toBe(false);
      idle.wake();
      await slept;
      expect(done).toBe(true);

      let second = false;
      const full = idle.sleep(5_000).then(() => (second = true));
      await vi.advanceTimersByTimeAsync(4_999);
      expect(second).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await full;
      expect(second).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("logs a failing loop's error at most once per interval", () => {
    vi.useFakeTimers();
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const log = createThrottledErrorLog("test loop", 60_000);
      vi.setSystemTime(1_000_000);
      log(new Error("down"));
      log(new Error("down"));
      vi.setSystemTime(1_000_000 + 60_001);
      log(new Error("still down"));
      expect(spy.mock.calls.map((c) => c[0])).toEqual([
        "[callboard] test loop cannot reach a ready database: down",
        "[callboard] test loop cannot reach a ready database: still down",
      ]);
    } finally {
      spy.mockRestore();
      vi.useRealTimers();
    }
  });
});
