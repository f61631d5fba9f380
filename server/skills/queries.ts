// Prisma access for skills.
import { withWriteLock } from "@/lib/sql";
import { containsText, db } from "@/lib/db";
import { type DirectoryQuery, pageArgs } from "@/lib/validation";
import type { CreateSkillInput, UpdateSkillInput } from "./schema";

export const skillSelect = {
  id: true,
  name: true,
  description: true,
  whatsappTemplateSid: true,
  successCriteria: true,
  analysisFields: true,
  language: true,
  active: true,
  createdAt: true,
  updatedAt: true,
} as const;

function where(query: DirectoryQuery) {
  return {
    ...(query.active && { active: query.active === "true" }),
    ...(query.q && { name: containsText(query.q) }),
  };
}

export async function listSkills(query: DirectoryQuery) {
  const [rows, total] = await Promise.all([
    db.skill.findMany({
      where: where(query),
      select: skillSelect,
      orderBy: [{ active: "desc" }, { name: "asc" }],
      ...pageArgs(query),
    }),
    db.skill.count({ where: where(query) }),
  ]);
  return { rows, total };
}

export const findSkill = (id: string) => db.skill.findUnique({ where: { id }, select: skillSelect });

/** The field definitions are stored as JSON text (the model file is dialect-neutral). */
const toData = <T extends { analysisFields?: unknown[] }>({ analysisFields, ...rest }: T) => ({
  ...rest,
  ...(analysisFields !== undefined && { analysisFields: JSON.stringify(analysisFields) }),
});

export const createSkill = (data: CreateSkillInput) =>
  withWriteLock(() => db.skill.create({ data: toData(data), select: skillSelect }));

export const updateSkill = (id: string, data: UpdateSkillInput) =>
  withWriteLock(() => db.skill.update({ where: { id }, data: toData(data), select: skillSelect }));
