// Calendar days and hours in an IANA time zone, as UTC instants. Analytics buckets are local days (or
// local hours), and SQLite has no time-zone database: the zone's offsets are worked out here, once per
// request, and handed to SQL as a few constants (see offsetSegments). Intl knows the zone rules.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields at an instant in the zone. */
function wallClock(tz: string, ms: number) {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** Local time minus UTC at an instant, in whole seconds (UTC+2 → 7200). */
export function offsetSeconds(tz: string, ms: number): number {
  const w = wallClock(tz, ms);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 1000);
}

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
