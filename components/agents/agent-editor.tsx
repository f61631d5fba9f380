"use client";
// /agents/new and /agents/{id}: the agent form, and (for an existing agent) activate or deactivate.
import { useAgentQuery } from "@/components/queries/directory";
import { ActiveBadge } from "@/components/ui/active-badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorNotice, LoadingBlock } from "@/components/ui/states";
import { ActiveToggle } from "@/components/ui/active-toggle";
import { AgentForm } from "./agent-form";
import { fullName } from "./names";
import { useUpdateAgentMutation } from "./queries";

const back = (
  <ButtonLink href="/agents" variant="secondary">
    Back to agents
  </ButtonLink>
);

export function NewAgent() {
  return (
    <>
      <PageHeader title="New agent" description="Who speaks to your customers, with which voice and skills." actions={back} />
      <AgentForm />
    </>
  );
}

export function AgentEditor({ id }: { id: string }) {
  const agent = useAgentQuery(id);
  const update = useUpdateAgentMutation(id);
  if (agent.isPending)
    return (
      <>
        <PageHeader title="Agent" actions={back} />
        <LoadingBlock label="Loading the agent" />
      </>
    );
  if (agent.isError)
    return (
      <>
        <PageHeader title="Agent" actions={back} />
        <ErrorNotice error={agent.error} title="The agent could not be loaded" />
      </>
    );
  const name = fullName(agent.data);
  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {name} <ActiveBadge active={agent.data.active} />
          </span>
        }
        description="Edit the agent's details, voice, instructions and skills."
        actions={back}
      />
      <ActiveToggle what="agent" name={name} active={agent.data.active} onChange={(active) => update.mutateAsync({ active })} />
      <AgentForm agent={agent.data} />
    </>
  );
}
