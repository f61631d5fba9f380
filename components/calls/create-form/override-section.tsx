"use client";
// The agent's settings for this interaction. They start as the picked agent's defaults; only the ones
// changed here are sent as agentOverride.
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/page-header";
import { Field, inputClass } from "@/components/ui/field";
import { type AgentSettings, type CreateCallFormValues, variableNames } from "./form-model";
import { TemplateField } from "./template-field";
import { TypedRows } from "./typed-rows";

function Slider({
  name,
  label,
  min,
  max,
  step,
  error,
}: {
  name: "agent.voiceSpeed" | "agent.voiceStability";
  label: string;
  min: number;
  max: number;
  step: number;
  error?: string;
}) {
  const { control, register } = useFormContext<CreateCallFormValues>();
  const value = useWatch({ control, name });
  return (
    <Field label={label} error={error} hint={`From ${min} to ${max}`} keepHintOnError>
      {(a11y) => (
        <div className="flex items-center gap-3">
          <input
            type="range"
            min={min}
            max={max}
            step={step}
            className="h-2 w-full min-w-0 cursor-pointer accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-indigo-600"
            {...a11y}
            {...register(name, { valueAsNumber: true })}
          />
          <output htmlFor={a11y.id} className="w-12 shrink-0 text-right font-mono text-sm tabular-nums text-slate-900">
            {Number(value).toFixed(2)}
          </output>
        </div>
      )}
    </Field>
  );
}

export function OverrideSection({ defaults }: { defaults: AgentSettings | undefined }) {
  const {
    control,
    register,
    setValue,
    formState: { errors },
  } = useFormContext<CreateCallFormValues>();
  const customFields = useWatch({ control, name: "customFields" }) ?? [];
  const variables = variableNames({ customFields });
  const e = errors.agent;

  return (
    <Card
      title="Agent overrides"
      actions={
        defaults && (
          <Button variant="ghost" className="py-1 text-xs" onClick={() => setValue("agent", defaults, { shouldDirty: true })}>
            Reset to the agent&apos;s defaults
          </Button>
        )
      }
    >
      <p className="mb-4 text-sm text-slate-600">
        {defaults
          ? "These start as the agent's own settings. Only what you change is sent with this interaction."
          : "Pick an agent to start from its settings."}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Agent name" error={e?.name?.message}>
          {(a11y) => <input className={inputClass} autoComplete="off" {...a11y} {...register("agent.name")} />}
        </Field>
        <Field label="Agent phone" error={e?.phone?.message}>
          {(a11y) => <input type="tel" className={inputClass} autoComplete="off" {...a11y} {...register("agent.phone")} />}
        </Field>
        <Field label="Image URL" error={e?.imageURL?.message} className="sm:col-span-2">
          {(a11y) => (
            <input
              type="url"
              className={inputClass}
              placeholder="https://"
              autoComplete="off"
              {...a11y}
              {...register("agent.imageURL")}
            />
          )}
        </Field>
        <Slider name="agent.voiceSpeed" label="Voice speed" min={0.25} max={4} step={0.01} error={e?.voiceSpeed?.message} />
        <Slider
          name="agent.voiceStability"
          label="Voice stability"
          min={0}
          max={1}
          step={0.01}
          error={e?.voiceStability?.message}
        />
      </div>
      <div className="mt-4 space-y-4">
        <TemplateField
          name="agent.initialMessage"
          label="Initial message"
          rows={3}
          variables={variables}
          error={e?.initialMessage?.message}
        />
        <TemplateField name="agent.prompt" label="Prompt" rows={6} variables={variables} error={e?.prompt?.message} />
        <fieldset>
          <legend className="mb-2 text-sm font-semibold text-slate-900">Routing conditions</legend>
          <TypedRows
            name="routingConditions"
            rowLabel="Routing condition"
            nameLabel="Condition name"
            valueLabel="Condition value"
            addLabel="Add condition"
            emptyText="No routing conditions. Rows without a name are not sent."
          />
        </fieldset>
      </div>
    </Card>
  );
}
