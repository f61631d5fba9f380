import type { AgentDto } from "@/server/agents/schema";

export const fullName = (agent: Pick<AgentDto, "name" | "lastname">) => [agent.name, agent.lastname].filter(Boolean).join(" ");
