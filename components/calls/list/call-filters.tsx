"use client";
// The filter bar above the list: status, channel, agent, the analysis's sentiment and outcome, a date range
// and a debounced search.
import { useEffect, useRef, useState } from "react";
import { useAgentsQuery } from "@/components/queries/directory";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { SENTIMENTS } from "@/server/analysis/schema";
import { CHANNELS, STATUSES } from "@/server/calls/status";
import { CHANNEL_LABELS } from "@/components/calls/channel-labels";
import { type CallListFilters, type FilterKey, rangeIsBackwards } from "./use-call-filters";

const SEARCH_DELAY_MS = 300;

type Props = {
  filters: CallListFilters;
  active: boolean;
  onChange: (changes: Partial<Record<FilterKey, string>>) => void;
  onClear: () => void;
};

/** Typing waits for a pause before it reaches the URL; a URL change from elsewhere (Clear) resets the box. */
function useDebouncedSearch(value: string, onCommit: (q: string) => void) {
  const [text, setText] = useState(value);
  const committed = useRef(value);
  const commit = useRef(onCommit);
  commit.current = onCommit;
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    if (text === committed.current) return;
    const timer = setTimeout(() => {
      committed.current = text;
      commit.current(text);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const flush = () => {
    committed.current = text;
    commit.current(text);
  };
  return [text, setText, flush] as const;
}

export function CallFilters({ filters, active, onChange, onClear }: Props) {
  const agents = useAgentsQuery();
  const [search, setSearch, flushSearch] = useDebouncedSearch(filters.q, (q) => onChange({ q }));
  const agentOptions = agents.data?.items ?? [];

  return (
    <search aria-label="Filter interactions" className="mb-4 block rounded-lg border border-slate-200 bg-white p-4 shadow-xs">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          flushSearch();
        }}
      >
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-6">
          <TextField
            label="Search"
            type="search"
            className="sm:col-span-2"
            placeholder="Name, phone, e-mail or message text"
            value={search}
            maxLength={200}
            onChange={(e) => setSearch(e.target.value)}
          />
          <SelectField label="Status" value={filters.status} onChange={(e) => onChange({ status: e.target.value })}>
            <option value="">All statuses</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
          <SelectField label="Channel" value={filters.channel} onChange={(e) => onChange({ channel: e.target.value })}>
            <option value="">All channels</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Agent"
            value={filters.agent}
            onChange={(e) => onChange({ agent: e.target.value })}
            hint={agents.isError ? "Agents could not be loaded." : undefined}
          >
            <option value="">{agents.isPending ? "Loading agents…" : "All agents"}</option>
            {agentOptions.map((a) => (
              <option key={a.id} value={a.id}>
                {[a.name, a.lastname].filter(Boolean).join(" ")}
                {a.active ? "" : " (inactive)"}
              </option>
            ))}
            {filters.agent && !agentOptions.some((a) => a.id === filters.agent) && (
              <option value={filters.agent}>Selected agent</option>
            )}
          </SelectField>
          <div className="grid grid-cols-2 gap-3 sm:col-span-2 lg:col-span-6 lg:grid-cols-6">
            <SelectField label="Direction" value={filters.direction} onChange={(e) => onChange({ direction: e.target.value })}>
              <option value="">Both directions</option>
              <option value="outbound">Outbound</option>
              <option value="inbound">Inbound</option>
            </SelectField>
            <SelectField
              label="Attention"
              value={filters.needsPerson}
              onChange={(e) => onChange({ needsPerson: e.target.value })}
            >
              <option value="">Everything</option>
              <option value="true">Needs a person</option>
            </SelectField>
            <SelectField label="Sentiment" value={filters.sentiment} onChange={(e) => onChange({ sentiment: e.target.value })}>
              <option value="">Any sentiment</option>
              {SENTIMENTS.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </SelectField>
            <SelectField label="Outcome" value={filters.successful} onChange={(e) => onChange({ successful: e.target.value })}>
              <option value="">Any outcome</option>
              <option value="true">Successful</option>
              <option value="false">Not successful</option>
            </SelectField>
            <TextField
              label="From"
              type="date"
              value={filters.from}
              max={filters.to || undefined}
              onChange={(e) => onChange({ from: e.target.value })}
            />
            <TextField
              label="To"
              type="date"
              value={filters.to}
              min={filters.from || undefined}
              error={rangeIsBackwards(filters) ? "To must be on or after From." : undefined}
              onChange={(e) => onChange({ to: e.target.value })}
            />
            <div className="col-span-2 flex items-end justify-end lg:col-span-6">
              <Button variant="secondary" onClick={onClear} disabled={!active}>
                Clear filters
              </Button>
            </div>
          </div>
        </div>
      </form>
    </search>
  );
}
