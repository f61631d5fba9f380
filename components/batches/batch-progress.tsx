// A batch's progress bar and status badge, shared by the list and the detail page.
import type { Batch } from "@/server/batches/schema";

const STATUS_STYLE: Record<Batch["status"], string> = {
  scheduled: "bg-sky-50 text-sky-800 ring-sky-200",
  running: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  paused: "bg-amber-50 text-amber-800 ring-amber-200",
  completed: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  cancelled: "bg-slate-100 text-slate-700 ring-slate-300",
};

export function BatchStatusBadge({ status }: { status: Batch["status"] }) {
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLE[status]}`}>
      {status}
    </span>
  );
}

export function BatchProgress({ batch, label }: { batch: Batch; label: string }) {
  const percent = Math.round(batch.progress * 100);
  const finished = batch.counts.completed + batch.counts.failed + batch.counts.cancelled;
  return (
    <div className="min-w-32">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${finished} of ${batch.taskCount} done`}
        className="h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full transition-[width] ${batch.status === "completed" ? "bg-emerald-500" : "bg-indigo-600"}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="mt-1 text-xs text-slate-600 tabular-nums">
        {finished} / {batch.taskCount} done · {percent}%
      </p>
    </div>
  );
}
