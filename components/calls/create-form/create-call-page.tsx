"use client";
// Loads what the form starts from (the active agents and, for Repeat, the past interaction), then
// renders the form. Each wait and each failure says what is going on.
import { useQuery } from "@tanstack/react-query";
import { callKeys } from "@/components/queries/calls";
import { customerKeys, useAgentsQuery } from "@/components/queries/directory";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorNotice, LoadingBlock } from "@/components/ui/states";
import { apiClient } from "@/lib/api-client";
import type { Call } from "@/server/calls/schema";
import type { CustomerDto } from "@/server/customers/schema";
import { CreateCallForm } from "./create-call-form";
import { type CreateCallFormValues, emptyFormValues, formValuesFromCall } from "./form-model";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The interaction to repeat and its customer's language (best effort: the call does not carry it). */
function useRepeatSource(from: string | undefined) {
  const valid = !!from && UUID.test(from);
  const call = useQuery({
    queryKey: callKeys.detail(from ?? ""),
    queryFn: () => apiClient.get<Call>(`/api/v1/calls/${from}`),
    enabled: valid,
    retry: false,
  });
  const customerId = call.data?.customerId;
  const customer = useQuery({
    queryKey: customerKeys.detail(customerId ?? ""),
    queryFn: () => apiClient.get<CustomerDto>(`/api/v1/customers/${customerId}`),
    enabled: !!customerId,
    retry: false,
  });
  return { valid, call, customerLoading: !!customerId && customer.isPending, language: customer.data?.language ?? null };
}

export function CreateCallPage({ from }: { from?: string }) {
  const agents = useAgentsQuery({ active: "true", limit: 100 });
  const repeat = useRepeatSource(from);
  const repeating = from !== undefined;

  const header = (
    <PageHeader
      title="New interaction"
      description={
        repeating
          ? "Repeating a past interaction: everything starts as it was. Change what you need and start it again."
          : "Pick an agent and a channel, say who the customer is, and start. You can watch it live next."
      }
    />
  );

  let body: React.ReactNode;
  if (agents.isPending || (repeat.valid && (repeat.call.isPending || repeat.customerLoading))) {
    body = <LoadingBlock label={agents.isPending ? "Loading agents" : "Loading the interaction to repeat"} />;
  } else if (agents.isError) {
    body = <ErrorNotice title="The agents could not be loaded" error={agents.error} />;
  } else if (agents.data.items.length === 0) {
    body = (
      <EmptyState title="No active agents" action={<ButtonLink href="/agents">Go to Agents</ButtonLink>}>
        An interaction needs an active agent to talk to the customer. Create one or activate one on the Agents page.
      </EmptyState>
    );
  } else if (repeating && (!repeat.valid || repeat.call.isError)) {
    body = (
      <div className="space-y-4">
        <ErrorNotice
          title="That interaction cannot be repeated"
          error={repeat.valid ? repeat.call.error : new Error(`"${from}" is not an interaction id.`)}
        />
        <ButtonLink href="/calls/new" variant="secondary">
          Start a new interaction instead
        </ButtonLink>
      </div>
    );
  } else {
    let initial: CreateCallFormValues = emptyFormValues;
    let notice: string | undefined;
    const call = repeat.call.data;
    if (call) {
      initial = formValuesFromCall(call, repeat.language);
      if (!agents.data.items.some((a) => a.id === call.agentId)) {
        initial = { ...initial, agentId: "", skillId: "" };
        notice = `The agent of that interaction (${call.agent.name}) is no longer active. Pick another agent.`;
      }
    }
    body = <CreateCallForm key={call?.id ?? "new"} agents={agents.data.items} initialValues={initial} notice={notice} />;
  }

  return (
    <div>
      {header}
      {body}
    </div>
  );
}
