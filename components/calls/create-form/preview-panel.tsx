"use client";
// The live preview: the initial message and prompt rendered by the server's own composeInteraction
// (pure, client-safe), so what is shown here is what the customer gets. Unresolved variables are named
// before submit; they are a warning, not an error, because the API accepts them.
import { useWatch } from "react-hook-form";
import { Card } from "@/components/ui/page-header";
import type { AgentDto } from "@/server/agents/schema";
import { composeInteraction } from "@/server/calls/compose";
import { type AgentSettings, agentOverride, type CreateCallFormValues, toCreateCallBody } from "./form-model";

const SETTING_LABELS: Record<string, string> = {
  name: "Agent name",
  phone: "Agent phone",
  imageURL: "Image URL",
  voiceSpeed: "Voice speed",
  voiceStability: "Voice stability",
  initialMessage: "Initial message",
  prompt: "Prompt",
  routingConditions: "Routing conditions",
};

function changedSettings(values: CreateCallFormValues, defaults: AgentSettings): string[] {
  const { prompt, ...rest } = agentOverride(values, defaults) ?? {};
  return [...Object.keys(rest), ...Object.keys(prompt ?? {})].map((k) => SETTING_LABELS[k] ?? k);
}

function Rendered({ title, text }: { title: string; text: string }) {
  return (
    <div>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      <p className="mt-1 max-h-60 overflow-y-auto whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 text-sm text-slate-900">
        {text || <span className="text-slate-500">(empty)</span>}
      </p>
    </div>
  );
}

export function PreviewPanel({ agent, defaults }: { agent: AgentDto | undefined; defaults: AgentSettings | undefined }) {
  const values = useWatch<CreateCallFormValues>() as CreateCallFormValues;
  const composed = agent && defaults ? composeInteraction(agent, toCreateCallBody(values, defaults)) : null;
  const unresolved = composed?.unresolved ?? [];
  const changed = composed && defaults ? changedSettings(values, defaults) : [];

  return (
    <Card title="Preview">
      <div role="status" aria-live="polite">
        {unresolved.length > 0 && (
          <div className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
            <p className="font-medium">
              {unresolved.length === 1 ? "1 variable has no value" : `${unresolved.length} variables have no value`}
            </p>
            <ul className="mt-1 flex flex-wrap gap-1.5">
              {unresolved.map((name) => (
                <li key={name} className="rounded bg-amber-100 px-1.5 py-0.5 font-mono text-xs">{`{{${name}}}`}</li>
              ))}
            </ul>
            <p className="mt-2 text-xs">
              {unresolved.length === 1 ? "It" : "They"} will be empty in what the customer hears or reads. Add a custom field with
              that name, or edit the text.
            </p>
          </div>
        )}
      </div>
      {!composed ? (
        <p className="text-sm text-slate-600">Pick an agent to preview the initial message and the prompt.</p>
      ) : (
        <div className="space-y-4">
          <Rendered title="Initial message" text={composed.rendered.initialMessage} />
          <Rendered title="Prompt" text={composed.rendered.prompt} />
          <div>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Changed for this interaction</h3>
            <p className="mt-1 text-sm text-slate-700">
              {changed.length ? changed.join(", ") : "Nothing: the agent's defaults apply."}
            </p>
          </div>
        </div>
      )}
    </Card>
  );
}
