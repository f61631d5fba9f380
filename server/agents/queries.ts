// Prisma access for agents and their skill assignments.
import { containsText, db, type Tx } from "@/lib/db";
import { withWriteLock, writeTx } from "@/lib/sql";
import { type DirectoryQuery, pageArgs } from "@/lib/validation";

export const agentSelect = {
  id: true,
  name: true,
  lastname: true,
  nickname: true,
  email: true,
  phone: true,
  language: true,
  active: true,
  voiceId: true,
  voiceSpeed: true,
  voiceStability: true,
  roleText: true,
  jobDescriptions: true,
  baseInstructions: true,
  initialMessage: true,
  emailSubject: true,
  capabilities: true,
  imageURL: true,
  llmModel: true,
  llmTemperature: true,
  transferNumber: true,
  voicemailMessage: true,
  whatsappTemplateSid: true,
  createdAt: true,
  updatedAt: true,
  skills: {
    select: { skill: { select: { id: true, name: true, description: true, language: true, active: true } } },
    orderBy: { skill: { name: "asc" } },
  },
} as const;

export type AgentRow = NonNullable<Awaited<ReturnType<typeof findAgent>>>;

function where(query: DirectoryQuery) {
  return {
    ...(query.active && { active: query.active === "true" }),
    ...(query.q && {
      OR: [{ name: containsText(query.q) }, { lastname: containsText(query.q) }, { nickname: containsText(query.q) }],
    }),
  };
}

export async function listAgents(query: DirectoryQuery) {
  const [rows, total] = await Promise.all([
    db.agent.findMany({
      where: where(query),
      select: agentSelect,
      orderBy: [{ active: "desc" }, { name: "asc" }],
      ...pageArgs(query),
    }),
    db.agent.count({ where: where(query) }),
  ]);
  return { rows, total };
}

export const findAgent = (id: string, client: Tx | typeof db = db) =>
  client.agent.findUnique({ where: { id }, select: agentSelect });

export const countSkills = (ids: string[]) => db.skill.count({ where: { id: { in: ids } } });

type AgentData = Omit<Parameters<typeof db.agent.create>[0]["data"], "skills">;

export function createAgent(data: AgentData, skillIds: string[]) {
  return withWriteLock(() =>
    db.agent.create({
      data: { ...data, skills: { create: skillIds.map((skillId) => ({ skillId })) } },
      select: agentSelect,
    }),
  );
}

export function updateAgent(id: string, data: Partial<AgentData>, skillIds?: string[]) {
  return writeTx(async (tx) => {
    if (skillIds) {
      await tx.agentSkill.deleteMany({ where: { agentId: id } });
      await tx.agentSkill.createMany({ data: skillIds.map((skillId) => ({ agentId: id, skillId })) });
    }
    return tx.agent.update({ where: { id }, data, select: agentSelect });
  });
}
