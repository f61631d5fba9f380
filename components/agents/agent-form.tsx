"use client";
// Create or edit an agent. Validation is the API's own schema (through the form schema), and a 422
// from the server lands on the same fields.
import { zodResolver } from "@hookform/resolvers/zod";
import { type Resolver, useForm } from "react-hook-form";
import { useSkillsQuery } from "@/components/queries/directory";
import { TextAreaField, TextField } from "@/components/ui/field";
import { fieldMessage } from "@/components/ui/field-error";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { Card } from "@/components/ui/page-header";
import { useSaveAndReturn } from "@/components/ui/use-save-and-return";
import { ErrorNotice, Spinner } from "@/components/ui/states";
import type { AgentDto, CreateAgentInput, UpdateAgentInput } from "@/server/agents/schema";
import {
  type AgentFormValues,
  agentFormDefaults,
  agentFormFields,
  createAgentFormSchema,
  updateAgentFormSchema,
} from "./form-schema";
import { useCreateAgentMutation, useUpdateAgentMutation } from "./queries";

export function AgentForm({ agent }: { agent?: AgentDto }) {
  const create = useCreateAgentMutation();
  const update = useUpdateAgentMutation(agent?.id ?? "");
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<AgentFormValues, unknown, UpdateAgentInput>({
    resolver: zodResolver(agent ? updateAgentFormSchema : createAgentFormSchema) as Resolver<
      AgentFormValues,
      unknown,
      UpdateAgentInput
    >,
    defaultValues: agentFormDefaults(agent),
  });
  const { formError, saveAndReturn } = useSaveAndReturn({ listPath: "/agents", fields: agentFormFields, setError });

  const onSubmit = handleSubmit((body) =>
    // Without an agent the resolver ran createAgentSchema, so the body is a create body.
    saveAndReturn(() => (agent ? update.mutateAsync(body) : create.mutateAsync(body as CreateAgentInput))),
  );

  const text = (name: (typeof agentFormFields)[number]) => ({ ...register(name), error: fieldMessage(errors[name]) });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <FormError message={formError} />
      <Card title="Identity">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="First name" autoComplete="off" {...text("name")} />
          <TextField label="Last name" autoComplete="off" {...text("lastname")} />
          <TextField label="Nickname" hint="What the agent calls itself, if not its first name." {...text("nickname")} />
          <TextField label="Language" hint="A language tag such as en-US or es-ES." {...text("language")} />
          <TextField label="Email" type="email" hint="e.g. ava@example.com" {...text("email")} />
          <TextField label="Phone" type="tel" hint="International format, e.g. +14155550123." {...text("phone")} />
          <TextField
            label="Image URL"
            type="url"
            hint="An http(s) link to the agent's picture."
            className="sm:col-span-2"
            {...text("imageURL")}
          />
        </div>
      </Card>
      <Card title="Voice">
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label="Voice" hint="The voice id, e.g. ava-warm." {...text("voiceId")} />
          <TextField
            label="Voice speed"
            type="number"
            step="0.05"
            min="0.25"
            max="4"
            hint="0.25 to 4; 1 is normal."
            {...text("voiceSpeed")}
          />
          <TextField
            label="Voice stability"
            type="number"
            step="0.05"
            min="0"
            max="1"
            hint="0 to 1."
            {...text("voiceStability")}
          />
        </div>
      </Card>
      <Card title="Instructions">
        <div className="grid gap-4">
          <TextField label="Role" hint="One line, e.g. Billing specialist." {...text("roleText")} />
          <TextAreaField label="Job description" rows={3} {...text("jobDescriptions")} />
          <TextAreaField
            label="Base instructions"
            rows={5}
            hint="The agent's prompt. {{firstName}}, {{aiName}} and other variables are filled in per interaction."
            {...text("baseInstructions")}
          />
          <TextAreaField label="Initial message" rows={2} {...text("initialMessage")} />
          <TextAreaField label="Capabilities" rows={3} hint="One per line, e.g. order lookup." {...text("capabilities")} />
        </div>
      </Card>
      <Card title="Language model">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Model"
            autoComplete="off"
            placeholder="Default: LLM_MODEL"
            hint="The model name on the configured LLM server, e.g. gpt-4o-mini. Leave empty for the server's default."
            {...text("llmModel")}
          />
          <TextField
            label="Temperature"
            type="number"
            step="0.1"
            min="0"
            max="2"
            hint="0 to 2: lower is steadier, higher more varied. Leave empty for the model's default."
            {...text("llmTemperature")}
          />
        </div>
      </Card>
      <Card title="Transfers, voicemail and WhatsApp">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Transfer number"
            autoComplete="off"
            placeholder="+14155550123"
            hint="Voice: where a call goes when the agent hands off or staff press Transfer."
            {...text("transferNumber")}
          />
          <TextField
            label="WhatsApp template"
            autoComplete="off"
            placeholder="HX…"
            hint="The approved template (Content SID) that opens a WhatsApp conversation outside 24 hours."
            {...text("whatsappTemplateSid")}
          />
          <TextAreaField
            label="Voicemail message"
            rows={2}
            className="sm:col-span-2"
            hint="Said when an answering machine picks up. Leave empty to hang up instead."
            {...text("voicemailMessage")}
          />
        </div>
      </Card>
      <SkillChoices agent={agent} register={register("skillIds")} error={fieldMessage(errors.skillIds)} />
      <FormActions busy={isSubmitting} submitLabel={agent ? "Save changes" : "Create agent"} cancelHref="/agents" />
    </form>
  );
}

/** Active skills to choose from, plus any inactive skill the agent still has (so it can be removed). */
function SkillChoices({
  agent,
  register,
  error,
}: {
  agent?: AgentDto;
  register: ReturnType<ReturnType<typeof useForm<AgentFormValues>>["register"]>;
  error?: string;
}) {
  const skills = useSkillsQuery({ limit: 100 });
  const assigned = new Set(agent?.skills.map((s) => s.id));
  const choices = skills.data?.items.filter((s) => s.active || assigned.has(s.id)) ?? [];
  return (
    <fieldset
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs"
      aria-describedby={error ? "skills-error" : undefined}
    >
      <legend className="px-1 text-sm font-semibold text-slate-900">Skills</legend>
      {skills.isPending && <Spinner label="Loading skills" />}
      {skills.isError && <ErrorNotice error={skills.error} title="The skills could not be loaded" />}
      {skills.isSuccess && choices.length === 0 && <p className="text-sm text-slate-600">There are no active skills yet.</p>}
      <ul className="grid gap-2 sm:grid-cols-2">
        {choices.map((skill) => (
          <li key={skill.id}>
            <label className="flex items-start gap-2 rounded-md p-1 text-sm text-slate-800 hover:bg-slate-50">
              <input type="checkbox" value={skill.id} className="mt-0.5 size-4 accent-indigo-600" {...register} />
              <span>
                {skill.name}
                {!skill.active && <span className="text-slate-500"> (inactive)</span>}
                {skill.description && <span className="block text-xs text-slate-500">{skill.description}</span>}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error && (
        <p id="skills-error" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
