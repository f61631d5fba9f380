// Calling windows in a batch's own time zone ("weekdays 09:00–18:00 in America/New_York"). The wall
// clock of an instant comes from Intl, never from a fixed offset, so the windows stay right across a
// daylight-saving change. Pure functions: the dispatcher, the API's validation and the tests use them.
import { isTimeZone, offsetMs, wallClock } from "@/lib/time-zone";

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type CallingWindow = { days: Weekday[]; start: string; end: string };

export { isTimeZone };

/**
 * The instant at which the wall clock in `tz` reads the given local time. A time that occurs twice (the
 * hour repeated when clocks go back) is its first occurrence; a time skipped when clocks go forward is
 * moved forward by the gap (02:30 becomes 03:30), as Temporal's "compatible" disambiguation does.
 */
export function zonedTime(year: number, month: number, day: number, hour: number, minute: number, tz: string): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const first = asUtc - offsetMs(tz, asUtc);
  const second = asUtc - offsetMs(tz, first);
  const reads = (t: number) => {
    const w = wallClock(tz, t);
    return w.hour === hour && w.minute === minute;
  };
  if (reads(Math.min(first, second))) return Math.min(first, second);
  if (reads(Math.max(first, second))) return Math.max(first, second);
  return Math.max(first, second);
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether instant t falls inside one of the windows (wall-clock time in tz). No windows: always. */
export function inWindow(t: number, tz: string, windows: CallingWindow[]): boolean {
  if (windows.length === 0) return true;
  const w = wallClock(tz, t);
  const weekday = WEEKDAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()];
  const minute = w.hour * 60 + w.minute;
  return windows.some((win) => win.days.includes(weekday) && minute >= minutesOf(win.start) && minute < minutesOf(win.end));
}

/**
 * The first instant at or after t inside a window: t itself when it is inside one, otherwise the
 * nearest window start within the next eight days (null if the windows name no day at all).
 */
export function nextOpening(t: number, tz: string, windows: CallingWindow[]): number | null {
  if (inWindow(t, tz, windows)) return t;
  const today = wallClock(tz, t);
  let best: number | null = null;
  for (let offset = 0; offset <= 8; offset++) {
    // Calendar arithmetic on the local date: Date.UTC rolls the day over months and years.
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    const weekday = WEEKDAYS[date.getUTCDay()];
    for (const win of windows) {
      if (!win.days.includes(weekday)) continue;
      const m = minutesOf(win.start);
      const start = zonedTime(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), Math.floor(m / 60), m % 60, tz);
      if (start > t && (best === null || start < best)) best = start;
    }
    if (best !== null) return best;
  }
  return best;
}
