// Calendar days and hours in an IANA time zone, as UTC instants. Analytics buckets are local days (or
// local hours), and SQLite has no time-zone database: the zone's offsets are worked out here, once per
// request, and handed to SQL as a few constants (see offsetSegments). Intl knows the zone rules.
import { isTimeZone, offsetMs, wallClock } from "@/lib/time-zone";
export { isTimeZone };

/** Local time minus UTC at an instant, in whole seconds (UTC+2 → 7200). */
export const offsetSeconds = (tz: string, ms: number): number => Math.round(offsetMs(tz, ms) / 1000);

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** YYYY-MM-DD of an instant in the zone. */
export function localDate(tz: string, ms: number): string {
  const w = wallClock(tz, ms);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** YYYY-MM-DDTHH:MM of an instant in the zone. */
export function localMinute(tz: string, ms: number): string {
  const w = wallClock(tz, ms);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** Milliseconds of a YYYY-MM-DD day's midnight as if it were UTC: the zone-free day number × 86,400,000. */
export const dayAsUtc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

export function addDays(day: string, n: number): string {
  return new Date(dayAsUtc(day) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export const daysBetween = (a: string, b: string) => Math.round((dayAsUtc(b) - dayAsUtc(a)) / 86_400_000);

/**
 * The instant a local day begins. Two passes, because the offset at the guess may differ from the
 * offset at midnight on a daylight-saving day; where midnight itself is skipped, the day begins at
 * the first instant after the gap.
 */
export function startOfLocalDay(tz: string, day: string): number {
  const guess = dayAsUtc(day);
  const first = guess - offsetSeconds(tz, guess) * 1000;
  const second = guess - offsetSeconds(tz, first) * 1000;
  return localDate(tz, second) === day ? second : first;
}

export type OffsetSegment = { fromMs: number; offset: number };

/**
 * The zone's offset over [startMs, endMs) as constant pieces: the first starts at startMs, each next
 * one at a transition. Sampled at every day and narrowed to the second by bisection, so a year costs
 * about 370 lookups; no zone changes its offset twice within a day.
 */
export function offsetSegments(tz: string, startMs: number, endMs: number): OffsetSegment[] {
  const segments: OffsetSegment[] = [{ fromMs: startMs, offset: offsetSeconds(tz, startMs) }];
  let prevMs = startMs;
  for (let t = startMs + 86_400_000; ; t += 86_400_000) {
    const at = Math.min(t, endMs);
    const current = segments[segments.length - 1].offset;
    if (offsetSeconds(tz, at) !== current) {
      let lo = prevMs;
      let hi = at;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (offsetSeconds(tz, mid) === current) lo = mid;
        else hi = mid;
      }
      if (hi < endMs) segments.push({ fromMs: hi, offset: offsetSeconds(tz, hi) });
    }
    if (at >= endMs) return segments;
    prevMs = at;
  }
}
