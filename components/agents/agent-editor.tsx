"use client";
// /agents/new and /agents/{id}: the agent form, and (for an existing agent) activate or deactivate,
// its actions and its knowledge bases.
import { ActionsSection } from "@/components/actions/actions-section";
import { useAgentQuery } from "@/components/queries/directory";
import { ActiveBadge } from "@/components/ui/active-badge";
import { ButtonLink } from "@/components/ui/button";
import { DetailState } from "@/components/ui/detail-state";
import { PageHeader } from "@/components/ui/page-header";
import { ActiveToggle } from "@/components/ui/active-toggle";
import { AgentForm } from "./agent-form";
import { AgentKnowledge } from "./agent-knowledge";
import { fullName } from "./names";
import { useUpdateAgentMutation } from "./queries";
import { TestAgent } from "./test-agent";
import { WidgetPanel } from "./widget-panel";

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

/** `isAdmin`: admins may reveal the secret the agent's action requests are signed with. */
export function AgentEditor({ id, isAdmin }: { id: string; isAdmin: boolean }) {
  const agent = useAgentQuery(id);
  const update = useUpdateAgentMutation(id);
  return (
    <DetailState
      query={agent}
      title="Agent"
      back={back}
      loadingLabel="Loading the agent"
      errorTitle="The agent could not be loaded"
    >
      {(data) => (
        <>
          <PageHeader
            title={
              <span className="flex flex-wrap items-center gap-2">
                {fullName(data)} <ActiveBadge active={data.active} />
              </span>
            }
            description="Edit the agent's details, voice, instructions and skills."
            actions={back}
          />
          <ActiveToggle
            what="agent"
            name={fullName(data)}
            active={data.active}
            onChange={(active) => update.mutateAsync({ active })}
          />
          <AgentForm agent={data} />
          <div className="mt-6">
            <ActionsSection agentId={data.id} isAdmin={isAdmin} />
          </div>
          <div className="mt-6">
            <AgentKnowledge agentId={data.id} />
          </div>
          <div className="mt-6 grid gap-6 xl:grid-cols-2">
            <TestAgent agent={data} />
            {isAdmin && <WidgetPanel agentId={data.id} />}
          </div>
        </>
      )}
    </DetailState>
  );
}
