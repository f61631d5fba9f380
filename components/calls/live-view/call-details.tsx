"use client";
// The facts of the interaction: status, channel, agent, skill, customer, timestamps and a duration
// that ticks while it is live.
import { useQuery } from "@tanstack/react-query";
import { skillKeys } from "@/components/queries/directory";
import { Card } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { apiClient } from "@/lib/api-client";
import { formatDateTime, formatDuration, formatMoney } from "@/lib/format";
import type { Call } from "@/server/calls/schema";
import type { SkillDto } from "@/server/skills/schema";
import { CHANNEL_LABELS } from "@/components/calls/channel-labels";
import type { LiveState } from "../use-call-events";
import { useTickingDuration } from "./use-ticking-duration";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 break-words text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export function LiveIndicator({ state }: { state: LiveState }) {
  if (state === "ended") return null;
  const live = state === "live";
  return (
    <span
      role="status"
      data-testid="live-indicator"
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
        live ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-amber-50 text-amber-900 ring-amber-200"
      }`}
    >
      <span className={`size-2 rounded-full ${live ? "animate-pulse bg-emerald-500" : "bg-amber-500"}`} aria-hidden />
      {live ? "Live" : state === "connecting" ? "Connecting…" : "Reconnecting…"}
    </span>
  );
}

/** Status, live state, simulated marker and the ticking duration, right under the page title. */
export function StatusBar({ call, receivedAt, live }: { call: Call; receivedAt: number; live: LiveState }) {
  const seconds = useTickingDuration(call, receivedAt);
  return (
    <div className="mb-6 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-xs">
      <span className="inline-flex items-center gap-2 text-sm text-slate-700">
        Status <StatusBadge status={call.status} />
      </span>
      <LiveIndicator state={live} />
      {call.simulated && (
        <span
          data-testid="simulated-marker"
          title="Played out by the built-in simulator: no real customer was contacted."
          className="rounded-full bg-violet-50 px-2 py-0.5 text-xs font-medium text-violet-800 ring-1 ring-inset ring-violet-200"
        >
          Simulated
        </span>
      )}
      <span className="text-sm text-slate-700">
        Duration{" "}
        <span data-testid="duration" className="font-mono font-medium tabular-nums text-slate-900">
          {seconds === null ? "not started" : formatDuration(seconds)}
        </span>
      </span>
    </div>
  );
}

export function CallDetails({ call }: { call: Call }) {
  const skill = useQuery({
    queryKey: skillKeys.detail(call.skillId),
    queryFn: () => apiClient.get<SkillDto>(`/api/v1/skills/${call.skillId}`),
    staleTime: 60_000,
  });
  const contact = [call.customerPhone, call.customerEmail].filter(Boolean).join(" · ");
  return (
    <Card title="Details">
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Fact label="Channel">{CHANNEL_LABELS[call.channel]}</Fact>
        <Fact label="Customer">
          {call.customerName}
          {contact && <span className="block text-slate-600">{contact}</span>}
        </Fact>
        <Fact label="Agent">
          {call.agent.name}
          {call.agentPhone && <span className="block text-slate-600">{call.agentPhone}</span>}
        </Fact>
        <Fact label="Skill">{skill.data?.name ?? (skill.isError ? call.skillId : "…")}</Fact>
        <Fact label="Provider">
          {call.provider}
          {call.simulated ? " (simulated)" : ""}
          {call.externalId && <ProviderId provider={call.provider} id={call.externalId} />}
        </Fact>
        <Fact label="Created">{formatDateTime(call.createdAt)}</Fact>
        <Fact label="Started">{formatDateTime(call.startedAt)}</Fact>
        <Fact label="Ended">{formatDateTime(call.endedAt)}</Fact>
        {call.endReason && <Fact label="End reason">{call.endReason}</Fact>}
        <Fact label="Cost">
          <CostFact cost={call.cost} />
        </Fact>
        <Fact label="Interaction id">
          <code className="text-xs">{call.id}</code>
        </Fact>
      </dl>
    </Card>
  );
}

/** The total, what it is made of (the model, the provider) and what it leaves out. */
function CostFact({ cost }: { cost: Call["cost"] }) {
  const parts = [
    cost.model > 0 && `model ${formatMoney(cost.model, cost.currency)}`,
    cost.provider !== null && cost.provider > 0 && `provider ${formatMoney(cost.provider, cost.currency)}`,
  ].filter(Boolean);
  return (
    <span data-testid="call-cost">
      {formatMoney(cost.total, cost.currency)}
      {parts.length > 0 && <span className="text-slate-600"> ({parts.join(", ")})</span>}
      {cost.note && <span className="block text-xs text-slate-600">{cost.note}</span>}
    </span>
  );
}

/** Twilio's id for the interaction (CallSid), linked to its page in the Twilio console. */
function ProviderId({ provider, id }: { provider: string; id: string }) {
  const console =
    provider === "twilio" && id.startsWith("CA") ? `https://console.twilio.com/us1/monitor/logs/calls?sid=${id}` : null;
  return (
    <span className="block text-xs text-slate-600">
      {console ? (
        <a className="font-mono text-indigo-700 underline" href={console} target="_blank" rel="noreferrer">
          {id}
        </a>
      ) : (
        <code>{id}</code>
      )}
    </span>
  );
}

export function StatusHistory({ call }: { call: Call }) {
  return (
    <Card title="Status history">
      <ol className="space-y-1.5 text-sm">
        {call.statusHistory.map((h) => (
          <li key={`${h.at}-${h.status}`} className="flex flex-wrap justify-between gap-x-3">
            <span className="font-medium text-slate-900">{h.status}</span>
            <span className="text-slate-600">
              <time dateTime={h.at}>{formatDateTime(h.at)}</time> · {h.actor}
            </span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
