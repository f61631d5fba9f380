"use client";
// Which agents have each skill. The API has no such filter, so this reads the agents list (up to
// its 100-per-page maximum, plenty for a support team) and groups it.
import { useAgentsQuery } from "@/components/queries/directory";
import type { AgentDto } from "@/server/agents/schema";

export function useAgentsBySkill() {
  const agents = useAgentsQuery({ limit: 100 });
  const bySkill = new Map<string, AgentDto[]>();
  for (const agent of agents.data?.items ?? []) {
    for (const skill of agent.skills) bySkill.set(skill.id, [...(bySkill.get(skill.id) ?? []), agent]);
  }
  return { ...agents, bySkill };
}
