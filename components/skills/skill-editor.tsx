"use client";
// /skills/new and /skills/{id}: the skill form, activate or deactivate, and the agents that have it.
import Link from "next/link";
import { fullName } from "@/components/agents/names";
import { ActiveBadge } from "@/components/ui/active-badge";
import { ActiveToggle } from "@/components/ui/active-toggle";
import { ButtonLink } from "@/components/ui/button";
import { DetailState } from "@/components/ui/detail-state";
import { Card, PageHeader } from "@/components/ui/page-header";
import { ErrorNotice, Spinner } from "@/components/ui/states";
import { useSkillQuery, useUpdateSkillMutation } from "./queries";
import { SkillForm } from "./skill-form";
import { useAgentsBySkill } from "./use-agents-by-skill";

const back = (
  <ButtonLink href="/skills" variant="secondary">
    Back to skills
  </ButtonLink>
);

export function NewSkill() {
  return (
    <>
      <PageHeader title="New skill" description="Something your agents can handle, such as billing support." actions={back} />
      <SkillForm />
    </>
  );
}

export function SkillEditor({ id }: { id: string }) {
  const skill = useSkillQuery(id);
  const update = useUpdateSkillMutation(id);
  return (
    <DetailState
      query={skill}
      title="Skill"
      back={back}
      loadingLabel="Loading the skill"
      errorTitle="The skill could not be loaded"
    >
      {(data) => (
        <>
          <PageHeader
            title={
              <span className="flex flex-wrap items-center gap-2">
                {data.name} <ActiveBadge active={data.active} />
              </span>
            }
            description="Edit the skill and see which agents have it."
            actions={back}
          />
          <ActiveToggle
            what="skill"
            name={data.name}
            active={data.active}
            onChange={(active) => update.mutateAsync({ active })}
          />
          <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
            <SkillForm skill={data} />
            <SkillAgents id={id} />
          </div>
        </>
      )}
    </DetailState>
  );
}

function SkillAgents({ id }: { id: string }) {
  const agents = useAgentsBySkill();
  const list = agents.bySkill.get(id) ?? [];
  return (
    <Card title="Agents with this skill" className="self-start">
      {agents.isPending && <Spinner label="Loading agents" />}
      {agents.isError && <ErrorNotice error={agents.error} title="The agents could not be loaded" />}
      {agents.isSuccess && list.length === 0 && (
        <p className="text-sm text-slate-600">No agent has this skill yet. Assign it on an agent's page.</p>
      )}
      {list.length > 0 && (
        <ul className="space-y-2 text-sm">
          {list.map((agent) => (
            <li key={agent.id} className="flex flex-wrap items-center justify-between gap-2">
              <Link
                href={`/agents/${agent.id}`}
                className="font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                {fullName(agent)}
              </Link>
              <ActiveBadge active={agent.active} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
