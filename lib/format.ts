// Display formatting shared by the dashboard's pages. Dates show in the viewer's locale and zone.
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return "—";
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? "—" : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });
}

export function formatTime(value: string | Date | null | undefined): string {
  if (!value) return "—";
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? "—" : d.toLocaleTimeString(undefined, { timeStyle: "medium" });
}

/** Seconds as m:ss or h:mm:ss. */
export function formatDuration(seconds: number | string | null | undefined): string {
  const total = Math.max(0, Math.floor(Number(seconds ?? 0)));
  if (!Number.isFinite(total)) return "—";
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

export function formatRelative(value: string | Date | null | undefined, now = Date.now()): string {
  if (!value) return "never";
  const diff = Math.round((now - new Date(value).getTime()) / 1000);
  if (diff < 45) return "just now";
  if (diff < 3600) return `${Math.round(diff / 60)} min ago`;
  if (diff < 86_400) return `${Math.round(diff / 3600)} h ago`;
  return `${Math.round(diff / 86_400)} d ago`;
}

/** An amount in its currency, to a hundredth of a cent: a single SMS costs less than one. */
export const formatMoney = (amount: number, currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 4 }).format(amount);
