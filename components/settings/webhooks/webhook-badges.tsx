// Enabled/disabled and delivery-state badges whose text says the state (colour is never the only signal).
import type { DeliveryState } from "@/components/queries/webhooks";

const tones = {
  green: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  slate: "bg-slate-100 text-slate-700 ring-slate-300",
  red: "bg-red-50 text-red-800 ring-red-200",
  indigo: "bg-indigo-50 text-indigo-800 ring-indigo-200",
};

function Badge({ tone, children, testId }: { tone: keyof typeof tones; children: string; testId?: string }) {
  return (
    <span
      data-testid={testId}
      className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}`}
    >
      {children}
    </span>
  );
}

export function EnabledBadge({ enabled }: { enabled: boolean }) {
  return (
    <Badge tone={enabled ? "green" : "slate"} testId="webhook-enabled">
      {enabled ? "enabled" : "disabled"}
    </Badge>
  );
}

export function DeliveryStateBadge({ state }: { state: DeliveryState }) {
  const tone = state === "succeeded" ? "green" : state === "failed" ? "red" : "indigo";
  return (
    <Badge tone={tone} testId="delivery-state">
      {state === "succeeded" ? "delivered" : state}
    </Badge>
  );
}
