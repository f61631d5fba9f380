// Agent rules: skills must exist, deleting deactivates (history keeps its agent).
import { ApiError, notFound } from "@/lib/errors";
import { toIso } from "@/lib/time";
import type { DirectoryQuery } from "@/lib/validation";
import * as q from "./queries";
import type { AgentDto, CreateAgentInput, UpdateAgentInput } from "./schema";

export function toAgent(row: q.AgentRow): AgentDto {
  return {
    ...row,
    capabilities: JSON.parse(row.capabilities) as string[],
    skills: row.skills.map((s) => s.skill),
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}

async function checkSkills(skillIds: string[] | undefined) {
  if (!skillIds?.length) return;
  const unique = [...new Set(skillIds)];
  if ((await q.countSkills(unique)) !== unique.length) {
    throw new ApiError("validation_failed", "One or more skillIds do not exist.", {
      details: [{ path: "skillIds", message: "Every skill id must belong to an existing skill." }],
    });
  }
}

function toData(input: UpdateAgentInput) {
  const { skillIds: _skills, capabilities, ...rest } = input;
  return { ...rest, ...(capabilities && { capabilities: JSON.stringify(capabilities) }) };
}

export async function listAgents(query: DirectoryQuery) {
  const { rows, total } = await q.listAgents(query);
  return { items: rows.map(toAgent), total };
}

export async function getAgent(id: string) {
  const row = await q.findAgent(id);
  if (!row) throw notFound("Agent");
  return toAgent(row);
}

export async function createAgent(input: CreateAgentInput) {
  await checkSkills(input.skillIds);
  return toAgent(await q.createAgent({ ...toData(input), name: input.name }, [...new Set(input.skillIds ?? [])]));
}

export async function updateAgent(id: string, input: UpdateAgentInput) {
  await getAgent(id);
  await checkSkills(input.skillIds);
  const skillIds = input.skillIds && [...new Set(input.skillIds)];
  return toAgent(await q.updateAgent(id, toData(input), skillIds));
}

export async function deactivateAgent(id: string) {
  await getAgent(id);
  return toAgent(await q.updateAgent(id, { active: false }));
}
