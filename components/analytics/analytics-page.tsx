"use client";
// /analytics: filters in the URL, headline figures, charts with table alternatives, and the per-agent
// and per-skill tables. A range with nothing in it (a fresh install) says so instead of drawing empty axes.
import Link from "next/link";
import { useSyncExternalStore } from "react";
import { CHANNEL_LABELS } from "@/components/calls/channel-labels";
import { useAgentsQuery, useSkillsQuery } from "@/components/queries/directory";
import { Button, ButtonLink } from "@/components/ui/button";
import { type Column, DataTable } from "@/components/ui/data-table";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorNotice, LoadingBlock } from "@/components/ui/states";
import type { Analytics, AnalyticsRow } from "@/server/analytics/schema";
import { CHANNELS } from "@/server/calls/status";
import { DurationChart, SentimentChart, StatusChart, SuccessChart, VolumeChart } from "./charts";
import { money, NONE, percent, seconds } from "./format";
import { type AnalyticsFilters, effectiveRange, toAnalyticsQuery, useAnalyticsFilters, useAnalyticsQuery } from "./use-analytics";

// The default range is the viewer's last 7 days: known only in the browser, so the server renders the
// loading state and the page fills in after hydration (no mismatch between the two renders).
const subscribe = () => () => {};
const useInBrowser = () =>
  useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );

function Filters({
  filters,
  range,
  active,
  onChange,
  onClear,
}: {
  filters: AnalyticsFilters;
  range: { from: string; to: string };
  active: boolean;
  onChange: (changes: Partial<AnalyticsFilters>) => void;
  onClear: () => void;
}) {
  const agents = useAgentsQuery();
  const skills = useSkillsQuery();
  const backwards = range.from > range.to;
  return (
    <search aria-label="Filter analytics" className="mb-6 block rounded-lg border border-slate-200 bg-white p-4 shadow-xs">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-7">
        <TextField
          label="From"
          type="date"
          value={range.from}
          max={range.to}
          onChange={(e) => onChange({ from: e.target.value })}
        />
        <TextField
          label="To"
          type="date"
          value={range.to}
          min={range.from}
          error={backwards ? "To must be on or after From." : undefined}
          onChange={(e) => onChange({ to: e.target.value })}
        />
        <SelectField label="Channel" value={filters.channel} onChange={(e) => onChange({ channel: e.target.value })}>
          <option value="">All channels</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Agent" value={filters.agent} onChange={(e) => onChange({ agent: e.target.value })}>
          <option value="">{agents.isPending ? "Loading agents…" : "All agents"}</option>
          {(agents.data?.items ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {[a.name, a.lastname].filter(Boolean).join(" ")}
            </option>
          ))}
        </SelectField>
        <SelectField label="Skill" value={filters.skill} onChange={(e) => onChange({ skill: e.target.value })}>
          <option value="">{skills.isPending ? "Loading skills…" : "All skills"}</option>
          {(skills.data?.items ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Direction" value={filters.direction} onChange={(e) => onChange({ direction: e.target.value })}>
          <option value="">Both directions</option>
          <option value="inbound">Inbound</option>
          <option value="outbound">Outbound</option>
        </SelectField>
        <div className="flex items-end">
          <Button variant="secondary" onClick={onClear} disabled={!active} className="w-full">
            Reset
          </Button>
        </div>
      </div>
    </search>
  );
}

function Tile({ label, value, hint, testId }: { label: string; value: React.ReactNode; hint?: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs">
      <p className="text-sm font-medium text-slate-600">{label}</p>
      <p data-testid={testId} className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">
        {value}
      </p>
      {hint && <p className="mt-1 text-xs text-slate-600">{hint}</p>}
    </div>
  );
}

/** What the cost is made of: the model's tokens (priced or not) and what Twilio charged. */
function costHint(cost: Analytics["totals"]["cost"]) {
  const tokens = cost.promptTokens + cost.completionTokens;
  const model =
    tokens > 0 && cost.model === 0
      ? `${tokens.toLocaleString("en-US")} model tokens, not priced (LLM_PRICE_PER_1K_*)`
      : `Model ${money(cost.model, cost.currency)} for ${tokens.toLocaleString("en-US")} tokens`;
  return cost.provider > 0 ? `${model}; Twilio ${money(cost.provider, cost.currency)}` : model;
}

function Headline({ data }: { data: Analytics }) {
  const { totals, firstResponse } = data;
  return (
    <div className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-5">
      <Tile label="Interactions" value={totals.interactions} testId="analytics-total" />
      <Tile
        label="Success rate"
        value={percent(totals.successRate)}
        hint={`${totals.successful} of ${totals.judged} judged`}
        testId="analytics-success-rate"
      />
      <Tile
        label="Needs a person"
        value={
          <Link
            href="/calls?needsPerson=true"
            className="rounded hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {totals.needsPerson}
          </Link>
        }
        hint="Handed to staff, not yet taken over"
        testId="analytics-needs-person"
      />
      <Tile
        label="First response (median)"
        value={seconds(firstResponse.medianSeconds)}
        hint={
          firstResponse.conversations
            ? `p90 ${seconds(firstResponse.p90Seconds)}, ${firstResponse.conversations} inbound conversations`
            : "No answered inbound conversation"
        }
        testId="analytics-first-response"
      />
      <Tile
        label="Cost"
        value={money(totals.cost.total, totals.cost.currency)}
        hint={costHint(totals.cost)}
        testId="analytics-cost"
      />
    </div>
  );
}

function breakdownColumns(kind: "Agent" | "Skill", filterKey: "agent" | "skill"): Column<AnalyticsRow>[] {
  return [
    {
      header: kind,
      cell: (r) => (
        <Link href={`/analytics?${filterKey}=${r.id}`} className="font-medium text-indigo-700 hover:underline">
          {r.name}
        </Link>
      ),
    },
    { header: "Interactions", cell: (r) => r.count, align: "right", cellClassName: "tabular-nums" },
    { header: "Success rate", cell: (r) => percent(r.successRate), align: "right", cellClassName: "tabular-nums" },
    { header: "Median duration", cell: (r) => seconds(r.medianDurationSeconds), align: "right", showFrom: "sm" },
    { header: "Cost", cell: (r) => money(r.cost.total, r.cost.currency), align: "right", showFrom: "md" },
  ];
}

function Breakdown({ title, rows, kind }: { title: string; rows: AnalyticsRow[]; kind: "Agent" | "Skill" }) {
  return (
    <section aria-label={title} className="min-w-0">
      <h2 className="mb-2 text-sm font-semibold text-slate-900">{title}</h2>
      {rows.length ? (
        <DataTable
          caption={title}
          columns={breakdownColumns(kind, kind === "Agent" ? "agent" : "skill")}
          rows={rows}
          rowKey={(r) => r.id}
        />
      ) : (
        <p className="text-sm text-slate-600">{NONE}</p>
      )}
    </section>
  );
}

export function AnalyticsPage() {
  const inBrowser = useInBrowser();
  const { filters, active, update, clear } = useAnalyticsFilters();
  const range = inBrowser ? effectiveRange(filters) : { from: "", to: "" };
  const backwards = range.from > range.to;
  const analytics = useAnalyticsQuery(toAnalyticsQuery(filters), inBrowser && !backwards);
  const data = analytics.data;

  return (
    <>
      <PageHeader
        title="Analytics"
        description="How your agents' interactions went: volume, outcomes, durations and response times, in your time zone."
      />
      <Filters filters={filters} range={range} active={active} onChange={update} onClear={clear} />
      {backwards ? (
        <EmptyState title="This range runs backwards">Pick a To date on or after the From date.</EmptyState>
      ) : !data && analytics.isError ? (
        <ErrorNotice error={analytics.error} title="The analytics could not be loaded" />
      ) : !data ? (
        <LoadingBlock label="Loading analytics" />
      ) : (
        <div
          aria-busy={analytics.isPlaceholderData}
          className={analytics.isPlaceholderData ? "opacity-60 transition-opacity" : ""}
        >
          {data.totals.interactions === 0 ? (
            <EmptyState
              title="No interactions in this range"
              action={
                active ? (
                  <Button variant="secondary" onClick={clear}>
                    Show the last 7 days, all channels
                  </Button>
                ) : (
                  <ButtonLink href="/calls/new">Start an interaction</ButtonLink>
                )
              }
            >
              Charts fill in as interactions happen. Widen the dates or clear a filter to see more.
            </EmptyState>
          ) : (
            <>
              <Headline data={data} />
              <div className="grid gap-4 lg:grid-cols-2">
                <VolumeChart data={data} />
                <StatusChart data={data} />
                <SuccessChart data={data} />
                <SentimentChart data={data} />
                <DurationChart data={data} />
              </div>
              <div className="mt-6 grid gap-6 lg:grid-cols-2">
                <Breakdown title="By agent" rows={data.agents} kind="Agent" />
                <Breakdown title="By skill" rows={data.skills} kind="Skill" />
              </div>
            </>
          )}
        </div>
      )}
      {analytics.isError && data && (
        <div className="mt-4">
          <ErrorNotice error={analytics.error} title="The analytics could not be refreshed; showing the last answer" />
        </div>
      )}
    </>
  );
}
