import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isTimeZone, localMinute, offsetSegments, startOfLocalDay } from "./calendar";

describe("calendar", () => {
  it("knows IANA zones and rejects the rest", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });

  it("adds and counts calendar days across months and leap days", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2025-01-01", "2026-01-01")).toBe(365);
  });

  it("finds local midnight, on daylight-saving days too", () => {
    expect(new Date(startOfLocalDay("Europe/Berlin", "2026-03-29")).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(new Date(startOfLocalDay("Europe/Berlin", "2026-03-30")).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(new Date(startOfLocalDay("Asia/Kolkata", "2026-06-01")).toISOString()).toBe("2026-05-31T18:30:00.000Z");
    // Santiago skips midnight when summer time starts (2026-09-06 00:00 → 01:00): the day begins at 01:00.
    expect(localMinute("America/Santiago", startOfLocalDay("America/Santiago", "2026-09-06"))).toBe("2026-09-06T01:00");
  });

  it("splits a range at the zone's offset changes, to the second", () => {
    const start = startOfLocalDay("America/New_York", "2026-03-01");
    const end = startOfLocalDay("America/New_York", "2026-03-31");
    expect(offsetSegments("America/New_York", start, end)).toEqual([
      { fromMs: start, offset: -5 * 3600 },
      { fromMs: Date.parse("2026-03-08T07:00:00Z"), offset: -4 * 3600 },
    ]);
    expect(offsetSegments("UTC", start, end)).toEqual([{ fromMs: start, offset: 0 }]);
  });
});
