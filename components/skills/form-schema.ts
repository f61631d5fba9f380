// The skill form's values, turned into the API's body and validated by the API's own schemas.
import { z } from "zod";
import type { AnalysisField } from "@/server/analysis/schema";
import { createSkillSchema, type SkillDto, updateSkillSchema } from "@/server/skills/schema";

export const skillFormFields = ["name", "description", "language", "successCriteria", "analysisFields"] as const;

/** One row of the analysis-field editor; `choices` is comma-separated text (enum fields only). */
export type AnalysisFieldRow = {
  name: string;
  type: AnalysisField["type"];
  description: string;
  required: boolean;
  choices: string;
};

export type SkillFormValues = {
  name: string;
  description: string;
  language: string;
  successCriteria: string;
  analysisFields: AnalysisFieldRow[];
};

const formValuesSchema = z.object({
  name: z.string(),
  description: z.string(),
  language: z.string(),
  successCriteria: z.string(),
  analysisFields: z.array(
    z.object({
      name: z.string(),
      type: z.enum(["string", "number", "boolean", "enum"]),
      description: z.string(),
      required: z.boolean(),
      choices: z.string(),
    }),
  ),
});

const toChoices = (text: string) =>
  text
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);

// Typed as update's input because a zod pipe wants its source to cover the next schema's input.
const toBody = (v: SkillFormValues): z.input<typeof updateSkillSchema> => ({
  name: v.name,
  description: v.description,
  language: v.language.trim() || undefined,
  successCriteria: v.successCriteria,
  analysisFields: v.analysisFields.map((f) => ({
    name: f.name.trim(),
    type: f.type,
    description: f.description,
    required: f.required,
    ...(f.type === "enum" && { choices: toChoices(f.choices) }),
  })),
});

export const createSkillFormSchema = formValuesSchema.transform(toBody).pipe(createSkillSchema);
export const updateSkillFormSchema = formValuesSchema.transform(toBody).pipe(updateSkillSchema);

export const emptyAnalysisField = (): AnalysisFieldRow => ({
  name: "",
  type: "string",
  description: "",
  required: false,
  choices: "",
});

export const skillFormDefaults = (skill?: SkillDto): SkillFormValues => ({
  name: skill?.name ?? "",
  description: skill?.description ?? "",
  language: skill?.language ?? "en-US",
  successCriteria: skill?.successCriteria ?? "",
  analysisFields: (skill?.analysisFields ?? []).map((f) => ({
    name: f.name,
    type: f.type,
    description: f.description,
    required: f.required,
    choices: (f.choices ?? []).join(", "),
  })),
});
