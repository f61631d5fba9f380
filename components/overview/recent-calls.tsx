"use client";
// The latest few interactions, each linking to its page.
import Link from "next/link";
import { channelLabel } from "@/components/calls/channel-labels";
import { useCallsQuery } from "@/components/queries/calls";
import { Card } from "@/components/ui/page-header";
import { ErrorNotice, Spinner } from "@/components/ui/states";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatRelative } from "@/lib/format";

const RECENT = 8;

export function RecentCalls() {
  const calls = useCallsQuery({ limit: RECENT });
  return (
    <Card
      title="Recent interactions"
      actions={
        <Link href="/calls" className="text-sm font-medium text-indigo-700 hover:underline">
          View all
        </Link>
      }
    >
      {calls.isPending ? (
        <Spinner label="Loading recent interactions" />
      ) : calls.isError && !calls.data ? (
        <ErrorNotice error={calls.error} title="Recent interactions could not be loaded" />
      ) : calls.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing yet. Interactions appear here as soon as they start.</p>
      ) : (
        <ul className="-my-2 divide-y divide-slate-200" data-testid="recent-calls">
          {calls.data.items.map((call) => (
            <li key={call.id} className="flex items-center justify-between gap-3 py-2">
              <div className="min-w-0">
                <Link
                  href={`/calls/${call.id}`}
                  // A page of rows that refreshes every few seconds: prefetching each would fetch them all.
                  prefetch={false}
                  className="block truncate text-sm font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                >
                  {call.customerName || call.customerPhone || call.customerEmail || "Unnamed customer"}
                </Link>
                <p className="truncate text-xs text-slate-500">
                  {channelLabel(call.channel)} · {call.agent.name} ·{" "}
                  <time dateTime={call.createdAt}>{formatRelative(call.createdAt)}</time>
                </p>
              </div>
              <StatusBadge status={call.status} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
