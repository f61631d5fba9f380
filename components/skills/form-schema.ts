// The skill form's string values, turned into the API's body and validated by the API's own schemas.
import { z } from "zod";
import { createSkillSchema, type SkillDto, updateSkillSchema } from "@/server/skills/schema";

export const skillFormFields = ["name", "description", "language"] as const;
export type SkillFormValues = Record<(typeof skillFormFields)[number], string>;

const formValuesSchema = z.object({ name: z.string(), description: z.string(), language: z.string() });

// Typed as update's input because a zod pipe wants its source to cover the next schema's input.
const toBody = (v: SkillFormValues): z.input<typeof updateSkillSchema> => ({
  name: v.name,
  description: v.description,
  language: v.language.trim() || undefined,
});

export const createSkillFormSchema = formValuesSchema.transform(toBody).pipe(createSkillSchema);
export const updateSkillFormSchema = formValuesSchema.transform(toBody).pipe(updateSkillSchema);

export const skillFormDefaults = (skill?: SkillDto): SkillFormValues => ({
  name: skill?.name ?? "",
  description: skill?.description ?? "",
  language: skill?.language ?? "en-US",
});
