"use client";
// The home page: live counters, the latest interactions and quick links. A fresh install gets a
// welcome that says how to start instead of a wall of zeros.
import { useLiveCallsRefresh } from "@/components/calls/use-live-calls-refresh";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorNotice, LoadingBlock } from "@/components/ui/states";
import { RecentCalls } from "./recent-calls";
import { StatCounters } from "./stat-counters";
import { TrendCard } from "./trend-card";
import { useStatsQuery } from "./use-stats-query";

function QuickLinks() {
  return (
    <Card title="Quick links">
      <div className="flex flex-wrap gap-2">
        <ButtonLink href="/calls/new">New interaction</ButtonLink>
        <ButtonLink href="/calls" variant="secondary">
          All interactions
        </ButtonLink>
        <ButtonLink href="/analytics" variant="secondary">
          Analytics
        </ButtonLink>
        <ButtonLink href="/agents" variant="secondary">
          Agents
        </ButtonLink>
        <ButtonLink href="/settings/api-keys" variant="secondary">
          API keys
        </ButtonLink>
      </div>
    </Card>
  );
}

export function Overview() {
  const stats = useStatsQuery();
  useLiveCallsRefresh();
  return (
    <>
      <PageHeader
        title="Overview"
        description="What your agents are doing right now and how today is going."
        actions={<ButtonLink href="/calls/new">New interaction</ButtonLink>}
      />
      {stats.isPending ? (
        <LoadingBlock label="Loading counters" />
      ) : stats.isError && !stats.data ? (
        <ErrorNotice error={stats.error} title="The counters could not be loaded" />
      ) : stats.data.total === 0 ? (
        <EmptyState title="Welcome to Callboard" action={<ButtonLink href="/calls/new">Start your first interaction</ButtonLink>}>
          No interactions yet. Start one here, or let an integration create one with POST /api/v1/calls and an API key from
          Settings. Live counters appear as soon as the first one begins.
        </EmptyState>
      ) : (
        <>
          <StatCounters stats={stats.data} />
          <div className="mt-4">
            <TrendCard />
          </div>
        </>
      )}
      <div className="mt-6 grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <RecentCalls />
        </div>
        <QuickLinks />
      </div>
    </>
  );
}
