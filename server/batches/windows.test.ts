// Calling-window math in a real zone, across both of New York's 2026 daylight-saving changes
// (clocks go forward on Sunday 2026-03-08 and back on Sunday 2026-11-01).
import { describe, expect, it } from "vitest";
import { wallClock } from "@/lib/time-zone";
import { type CallingWindow, inWindow, isTimeZone, nextOpening, zonedTime } from "./windows";

const NY = "America/New_York";
const weekdays: CallingWindow[] = [{ days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "18:00" }];
const at = (iso: string) => Date.parse(iso);
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

describe("calling windows", () => {
  it("knows IANA zones and refuses others", () => {
    expect(isTimeZone(NY)).toBe(true);
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });

  it("maps a wall-clock time to the right instant on both sides of the spring change", () => {
    expect(iso(zonedTime(2026, 3, 6, 9, 0, NY))).toBe("2026-03-06T14:00:00.000Z"); // EST, UTC−5
    expect(iso(zonedTime(2026, 3, 9, 9, 0, NY))).toBe("2026-03-09T13:00:00.000Z"); // EDT, UTC−4
    // 02:30 does not exist on 2026-03-08: it moves forward by the skipped hour.
    expect(iso(zonedTime(2026, 3, 8, 2, 30, NY))).toBe("2026-03-08T07:30:00.000Z");
    expect(wallClock(NY, at("2026-03-08T07:30:00Z"))).toMatchObject({ hour: 3, minute: 30 });
  });

  it("takes the first of the repeated hour when clocks go back", () => {
    // 01:30 happens twice on 2026-11-01: 05:30Z (EDT) and 06:30Z (EST).
    expect(iso(zonedTime(2026, 11, 1, 1, 30, NY))).toBe("2026-11-01T05:30:00.000Z");
    expect(iso(zonedTime(2026, 11, 2, 9, 0, NY))).toBe("2026-11-02T14:00:00.000Z");
  });

  it("is inside a window by the local wall clock, not a fixed offset", () => {
    // Monday 2026-03-09 13:30Z is 09:30 EDT: open. With the winter offset it would read 08:30.
    expect(inWindow(at("2026-03-09T13:30:00Z"), NY, weekdays)).toBe(true);
    expect(inWindow(at("2026-03-09T12:59:00Z"), NY, weekdays)).toBe(false);
    // Friday 2026-03-06 22:59Z is 17:59 EST: still open; 23:00Z is 18:00, closed (the end is exclusive).
    expect(inWindow(at("2026-03-06T22:59:00Z"), NY, weekdays)).toBe(true);
    expect(inWindow(at("2026-03-06T23:00:00Z"), NY, weekdays)).toBe(false);
    // Saturday is not a calling day.
    expect(inWindow(at("2026-03-07T15:00:00Z"), NY, weekdays)).toBe(false);
    // No windows at all: any time.
    expect(inWindow(at("2026-03-07T03:00:00Z"), NY, [])).toBe(true);
  });

  it("finds the next opening across the weekend of the spring change", () => {
    // Friday evening EST → Monday 09:00 EDT, which is an hour earlier in UTC than Friday's opening.
    expect(iso(nextOpening(at("2026-03-07T00:00:00Z"), NY, weekdays))).toBe("2026-03-09T13:00:00.000Z");
  });

  it("finds the next opening across the weekend of the autumn change", () => {
    // Friday 2026-10-30 19:00 EDT → Monday 2026-11-02 09:00 EST.
    expect(iso(nextOpening(at("2026-10-30T23:00:00Z"), NY, weekdays))).toBe("2026-11-02T14:00:00.000Z");
  });

  it("opens the same day when the window is still ahead, and now when inside one", () => {
    expect(iso(nextOpening(at("2026-11-02T12:00:00Z"), NY, weekdays))).toBe("2026-11-02T14:00:00.000Z");
    expect(iso(nextOpening(at("2026-11-02T15:00:00Z"), NY, weekdays))).toBe("2026-11-02T15:00:00.000Z");
  });

  it("handles a window on the Sunday of each change itself", () => {
    const sundayNight: CallingWindow[] = [{ days: ["sun"], start: "01:00", end: "04:00" }];
    // 2026-03-08 has no 02:00–03:00; the window still opens at 01:00 EST (06:00Z).
    expect(iso(nextOpening(at("2026-03-08T00:00:00Z"), NY, sundayNight))).toBe("2026-03-08T06:00:00.000Z");
    expect(inWindow(at("2026-03-08T07:30:00Z"), NY, sundayNight)).toBe(true); // 03:30 EDT
    expect(inWindow(at("2026-03-08T08:00:00Z"), NY, sundayNight)).toBe(false); // 04:00 EDT
    // 2026-11-01 repeats 01:00–02:00: both 05:30Z (EDT) and 06:30Z (EST) read 01:30, inside.
    expect(inWindow(at("2026-11-01T05:30:00Z"), NY, sundayNight)).toBe(true);
    expect(inWindow(at("2026-11-01T06:30:00Z"), NY, sundayNight)).toBe(true);
    expect(inWindow(at("2026-11-01T09:00:00Z"), NY, sundayNight)).toBe(false); // 04:00 EST
  });

  it("returns null when the windows name no day", () => {
    expect(nextOpening(at("2026-03-09T00:00:00Z"), NY, [{ days: [], start: "09:00", end: "10:00" }])).toBeNull();
  });
});
