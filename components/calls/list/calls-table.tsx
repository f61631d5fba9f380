"use client";
// The interactions table. On phones the channel, agent and time fold under the customer's name, so
// nothing scrolls sideways; from md up each has its own column. The customer's name is the row's real
// link (keyboard users tab to it); a click anywhere else on the row follows it too.
import { isTerminal } from "@/server/calls/status";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime, formatDuration } from "@/lib/format";
import type { Call } from "@/server/calls/schema";
import { channelLabel } from "@/components/calls/channel-labels";

const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
const td = "px-3 py-3 align-top text-sm text-slate-700";

export const durationOf = (call: Pick<Call, "duration" | "startedAt">) =>
  call.startedAt === null ? "—" : formatDuration(call.duration);

export function CallsTable({ calls, caption }: { calls: Call[]; caption: string }) {
  const router = useRouter();
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xs">
      <table className="w-full table-fixed border-collapse">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={`${th} w-auto`}>
              Customer
            </th>
            <th scope="col" className={`${th} w-32`}>
              Status
            </th>
            <th scope="col" className={`${th} hidden w-28 md:table-cell`}>
              Channel
            </th>
            <th scope="col" className={`${th} hidden w-40 lg:table-cell`}>
              Agent
            </th>
            <th scope="col" className={`${th} hidden w-52 md:table-cell`}>
              Started
            </th>
            <th scope="col" className={`${th} hidden w-24 text-right sm:table-cell`}>
              Duration
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {calls.map((call) => (
            <tr
              key={call.id}
              data-testid="call-row"
              className="cursor-pointer hover:bg-slate-50"
              onClick={(e) => {
                // Let real links, and selecting text, behave as usual.
                if ((e.target as HTMLElement).closest("a") || window.getSelection()?.toString()) return;
                router.push(`/calls/${call.id}`);
              }}
            >
              <td className={td}>
                <Link
                  href={`/calls/${call.id}`}
                  // A page of rows that refreshes every few seconds: prefetching each would fetch them all.
                  prefetch={false}
                  className="block truncate font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                >
                  {call.customerName || call.customerPhone || call.customerEmail || "Unnamed customer"}
                </Link>
                <p className="truncate text-xs text-slate-500">{call.customerPhone ?? call.customerEmail ?? ""}</p>
                <p className="mt-1 truncate text-xs text-slate-500 md:hidden">
                  {channelLabel(call.channel)} · {call.agent.name} · {formatDateTime(call.createdAt)}
                </p>
              </td>
              <td className={td}>
                <StatusBadge status={call.status} />
                {call.needsPerson && !isTerminal(call.status) && (
                  <span className="mt-1 block text-xs font-semibold text-amber-800">Needs a person</span>
                )}
                {call.takenOverBy && !isTerminal(call.status) && (
                  <span className="mt-1 block text-xs text-emerald-800">With {call.takenOverBy.name}</span>
                )}
                {call.simulated && <span className="mt-1 block text-xs text-slate-500">Simulated</span>}
              </td>
              <td className={`${td} hidden md:table-cell`}>
                {channelLabel(call.channel)}
                {call.direction === "inbound" && <span className="block text-xs text-slate-500">Inbound</span>}
              </td>
              <td className={`${td} hidden truncate lg:table-cell`}>{call.agent.name}</td>
              <td className={`${td} hidden md:table-cell`}>
                <time dateTime={call.createdAt}>{formatDateTime(call.createdAt)}</time>
              </td>
              <td className={`${td} hidden text-right tabular-nums sm:table-cell`}>{durationOf(call)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A placeholder of the table's shape while the first page loads. */
export function CallsTableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div role="status" className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs">
      <span className="sr-only">Loading interactions…</span>
      <div className="animate-pulse space-y-3" aria-hidden>
        {Array.from({ length: rows }, (_, n) => `placeholder-${n}`).map((id) => (
          <div key={id} className="flex gap-4">
            <div className="h-4 flex-1 rounded bg-slate-200" />
            <div className="h-4 w-20 rounded bg-slate-200" />
            <div className="hidden h-4 w-40 rounded bg-slate-200 md:block" />
          </div>
        ))}
      </div>
    </div>
  );
}
