// What the agent actually ran with: the effective settings (agent + per-interaction overrides), the
// rendered initial message and prompt, and any template variables that resolved to nothing.
import { Card } from "@/components/ui/page-header";
import type { Call } from "@/server/calls/schema";

function Row({ label, value }: { label: string; value: string | number | null }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1">
      <dt className="text-slate-600">{label}</dt>
      <dd className="break-words text-slate-900">{value === null || value === "" ? "—" : value}</dd>
    </div>
  );
}

export function UnresolvedVariables({ names }: { names: string[] }) {
  if (names.length === 0) return null;
  return (
    <div role="note" className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
      <p className="font-medium">Unresolved variables</p>
      <p className="mt-1">These placeholders had no value, so the customer saw empty text in their place:</p>
      <ul className="mt-1 flex flex-wrap gap-1.5">
        {names.map((n) => (
          <li key={n}>
            <code className="rounded bg-amber-100 px-1.5 py-0.5 text-xs">{`{{${n}}}`}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function AgentSettings({ call }: { call: Call }) {
  const a = call.agent;
  const routing = Object.entries(a.routingConditions);
  return (
    <Card title="Agent settings">
      <dl className="text-sm">
        <Row label="Name" value={a.name} />
        <Row label="Phone" value={a.phone} />
        <Row label="E-mail" value={a.email} />
        <Row label="Language" value={a.language} />
        <Row label="Voice" value={a.voiceId} />
        <Row label="Voice speed" value={a.voiceSpeed} />
        <Row label="Voice stability" value={a.voiceStability} />
        <Row label="Routing" value={routing.length ? routing.map(([k, v]) => `${k}: ${String(v)}`).join(", ") : null} />
      </dl>
      <details className="group mt-3 rounded-md border border-slate-200">
        <summary className="cursor-pointer select-none px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600">
          Rendered prompt and initial message
        </summary>
        <div className="space-y-3 border-t border-slate-200 p-3">
          <div>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Initial message</h3>
            <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-900">{call.initialMessage || "—"}</p>
          </div>
          <div>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Prompt</h3>
            <pre className="mt-1 max-h-72 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 font-mono text-xs text-slate-900">
              {call.prompt || "—"}
            </pre>
          </div>
        </div>
      </details>
    </Card>
  );
}
