// Skill rules: deleting deactivates, so past interactions keep their skill.
import { notFound } from "@/lib/errors";
import { toIso } from "@/lib/time";
import { parseAnalysisFields } from "@/server/analysis/schema";
import * as q from "./queries";
import type { DirectoryQuery } from "@/lib/validation";
import type { CreateSkillInput, SkillDto, UpdateSkillInput } from "./schema";

type Row = NonNullable<Awaited<ReturnType<typeof q.findSkill>>>;

export const toSkill = (row: Row): SkillDto => ({
  ...row,
  analysisFields: parseAnalysisFields(row.analysisFields),
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});

export async function listSkills(query: DirectoryQuery) {
  const { rows, total } = await q.listSkills(query);
  return { items: rows.map(toSkill), total };
}

export async function getSkill(id: string) {
  const row = await q.findSkill(id);
  if (!row) throw notFound("Skill");
  return toSkill(row);
}

export const createSkill = async (input: CreateSkillInput) => toSkill(await q.createSkill(input));

export async function updateSkill(id: string, input: UpdateSkillInput) {
  await getSkill(id);
  return toSkill(await q.updateSkill(id, input));
}

export async function deactivateSkill(id: string) {
  await getSkill(id);
  return toSkill(await q.updateSkill(id, { active: false }));
}
