// How analytics figures read on screen: rates as percentages, seconds as minutes and seconds, money in
// the configured currency. A missing figure (nothing to measure) is an en dash, never "0" or "NaN".
export const NONE = "–";

export const percent = (rate: number | null) => (rate === null ? NONE : `${Math.round(rate * 1000) / 10}%`);

export function seconds(value: number | null): string {
  if (value === null) return NONE;
  if (value < 60) return `${Math.round(value * 10) / 10} s`;
  const whole = Math.round(value);
  const m = Math.floor(whole / 60);
  const s = whole % 60;
  return m < 60 ? `${m} min ${s} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

export { formatMoney as money } from "@/lib/format";

/** A bucket's label as the axis shows it: "Mar 17" for a day, "14:00" for an hour. */
export function bucketLabel(label: string): string {
  if (label.includes("T")) return label.slice(11, 16);
  const [y, m, d] = label.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}
