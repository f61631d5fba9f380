"use client";
// The create-interaction form: react-hook-form validated by the API's createCallSchema (see
// form-errors.ts), the picked agent's settings as the starting point of the overrides, a live preview,
// and on success the new interaction's live view.
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef } from "react";
import { FormProvider, type Path, useForm, useWatch } from "react-hook-form";
import { useCreateCallMutation } from "@/components/queries/calls";
import { useAgentQuery } from "@/components/queries/directory";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { ApiClientError } from "@/lib/api-client";
import type { AgentDto } from "@/server/agents/schema";
import { AgentSection } from "./agent-section";
import { CustomerSection } from "./customer-section";
import { createCallResolver, mapIssues } from "./form-errors";
import { type AgentSettings, agentDefaults, type CreateCallFormValues, toCreateCallBody } from "./form-model";
import { OverrideSection } from "./override-section";
import { PreviewPanel } from "./preview-panel";

export function CreateCallForm({
  agents,
  initialValues,
  notice,
}: {
  agents: AgentDto[];
  initialValues: CreateCallFormValues;
  notice?: string;
}) {
  const router = useRouter();
  const createCall = useCreateCallMutation();
  // The resolver runs outside render, so it reads the current agent's defaults through a ref.
  const defaultsRef = useRef<AgentSettings | undefined>(undefined);
  const resolver = useMemo(() => createCallResolver(() => defaultsRef.current), []);
  const form = useForm<CreateCallFormValues>({ resolver, defaultValues: initialValues });
  const { control, handleSubmit, setError, setValue, getValues, formState } = form;

  const agentId = useWatch({ control, name: "agentId" });
  const agentQuery = useAgentQuery(agentId || undefined);
  const agent = agentId && agentQuery.data?.id === agentId ? agentQuery.data : undefined;
  const defaults = useMemo(() => (agent ? agentDefaults(agent) : undefined), [agent]);
  defaultsRef.current = defaults;

  // A repeated interaction's own settings are its starting point; any other picked agent starts from its defaults.
  const settingsFrom = useRef(initialValues.agentId);
  useEffect(() => {
    if (!agent) return;
    if (settingsFrom.current !== agent.id) {
      settingsFrom.current = agent.id;
      setValue("agent", agentDefaults(agent));
    }
    // Keep the skill only if this agent has it; set it again either way, because its option may only exist now.
    const skillIds = agent.skills.filter((s) => s.active).map((s) => s.id);
    const current = getValues("skillId");
    setValue("skillId", skillIds.includes(current) ? current : skillIds.length === 1 ? skillIds[0] : "");
  }, [agent, getValues, setValue]);

  const onSubmit = handleSubmit(async (values) => {
    try {
      const call = await createCall.mutateAsync(toCreateCallBody(values, defaultsRef.current));
      router.push(`/calls/${call.id}`);
    } catch (error) {
      if (!(error instanceof ApiClientError)) throw error;
      const issues = mapIssues(error.details, values);
      issues.forEach((issue, i) => {
        if (issue.field)
          setError(
            issue.field as Path<CreateCallFormValues>,
            { type: "server", message: issue.message },
            { shouldFocus: i === 0 },
          );
      });
      const general = issues.filter((i) => !i.field).map((i) => i.message);
      setError("root.server", {
        type: "server",
        message:
          issues.some((i) => i.field) && general.length === 0
            ? "The interaction was not started. Fix the fields marked below."
            : [error.message, ...general].join(" "),
      });
    }
  });

  const formError = formState.errors.root?.server?.message ?? formState.errors.root?.form?.message;
  const errorCount = Object.keys(formState.errors).filter((k) => k !== "root").length;
  const busy = formState.isSubmitting || (formState.isSubmitSuccessful && !formState.errors.root);

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label="New interaction">
        <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="min-w-0 space-y-6">
            {notice && (
              <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
                {notice}
              </p>
            )}
            <AgentSection agents={agents} agent={agent} agentLoading={!!agentId && agentQuery.isFetching} />
            <CustomerSection />
            <OverrideSection defaults={defaults} />
          </div>
          <aside className="min-w-0 space-y-4 xl:sticky xl:top-6 xl:self-start" aria-label="Preview and start">
            <PreviewPanel agent={agent} defaults={defaults} />
            <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs">
              <FormError message={formError} className="mb-3" />
              {errorCount > 0 && !formError && (
                <p className="mb-3 text-sm text-red-700">Fix the fields marked in red, then start again.</p>
              )}
              <Button type="submit" className="w-full" disabled={busy}>
                {busy ? "Starting…" : "Start interaction"}
              </Button>
            </div>
          </aside>
        </div>
      </form>
    </FormProvider>
  );
}
