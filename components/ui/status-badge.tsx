// A call's status as a colored badge whose text is the status value itself (tests and users read it).
import { isTerminal } from "@/server/calls/status";

const GOOD = new Set(["completed", "resolved", "delivered", "read", "transferred"]);
const BAD = new Set(["failed", "undelivered"]);
const WARN = new Set(["busy", "no-answer", "voicemail", "on-hold"]);

function colors(status: string) {
  if (GOOD.has(status)) return "bg-emerald-50 text-emerald-800 ring-emerald-200";
  if (BAD.has(status)) return "bg-red-50 text-red-800 ring-red-200";
  if (WARN.has(status)) return "bg-amber-50 text-amber-900 ring-amber-200";
  if (isTerminal(status)) return "bg-slate-100 text-slate-700 ring-slate-300";
  return "bg-indigo-50 text-indigo-800 ring-indigo-200";
}

export function StatusBadge({ status }: { status: string }) {
  const live = !isTerminal(status);
  return (
    <span
      data-testid="status-badge"
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${colors(status)}`}
    >
      {live && <span className="size-1.5 animate-pulse rounded-full bg-current" aria-hidden />}
      {status}
    </span>
  );
}
