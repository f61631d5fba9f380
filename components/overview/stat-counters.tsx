"use client";
// Live counters: what is in progress now, and today's interactions by status and by channel. Each
// number links to the list filtered the same way.
import Link from "next/link";
import { CHANNEL_LABELS } from "@/components/calls/channel-labels";
import { Card } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { CHANNELS, STATUSES } from "@/server/calls/status";
import type { Stats } from "@/server/stats/schema";
import { localToday } from "./use-stats-query";

const link = "rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

function BigNumber({ label, value, href, testId }: { label: string; value: number; href: string; testId: string }) {
  return (
    <Link
      href={href}
      className={`block rounded-lg border border-slate-200 bg-white p-4 shadow-xs hover:border-indigo-300 ${link}`}
    >
      <span className="block text-sm font-medium text-slate-600">{label}</span>
      <span data-testid={testId} className="mt-1 block text-3xl font-semibold tabular-nums text-slate-900">
        {value}
      </span>
    </Link>
  );
}

export function StatCounters({ stats }: { stats: Stats }) {
  const today = localToday();
  const todayQuery = `from=${today}&to=${today}`;
  const statuses = STATUSES.filter((s) => (stats.today.byStatus[s] ?? 0) > 0);
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-3">
        <BigNumber label="In progress now" value={stats.inProgress} href="/calls" testId="stat-in-progress" />
        <BigNumber label="Needs a person" value={stats.needsPerson} href="/calls?needsPerson=true" testId="stat-needs-person" />
        <BigNumber label="Today" value={stats.today.total} href={`/calls?${todayQuery}`} testId="stat-today-total" />
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Today by status">
          {statuses.length === 0 ? (
            <p className="text-sm text-slate-600">No interactions today yet.</p>
          ) : (
            <ul className="space-y-2" data-testid="today-by-status">
              {statuses.map((s) => (
                <li key={s}>
                  <Link href={`/calls?status=${s}&${todayQuery}`} className={`flex items-center justify-between ${link}`}>
                    <StatusBadge status={s} />
                    <span className="text-sm font-medium tabular-nums text-slate-900">{stats.today.byStatus[s]}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Today by channel">
          <ul className="space-y-2" data-testid="today-by-channel">
            {CHANNELS.map((c) => (
              <li key={c}>
                <Link
                  href={`/calls?channel=${c}&${todayQuery}`}
                  className={`flex items-center justify-between text-sm text-slate-700 hover:text-indigo-700 ${link}`}
                >
                  <span>{CHANNEL_LABELS[c]}</span>
                  <span className="font-medium tabular-nums text-slate-900">{stats.today.byChannel[c] ?? 0}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}
