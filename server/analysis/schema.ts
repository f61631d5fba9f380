// Post-call analysis: the extraction field definitions (on a skill), the analysis as the call object
// carries it, the correction body, and the zod schema a model's structured output is checked against.
import { z } from "zod";
import { line, text } from "@/lib/validation";

export const SENTIMENTS = ["positive", "neutral", "negative", "unknown"] as const;
export type Sentiment = (typeof SENTIMENTS)[number];
export const sentimentSchema = z.enum(SENTIMENTS, { message: `sentiment must be one of ${SENTIMENTS.join(", ")}.` });

export const ANALYSIS_FIELD_TYPES = ["string", "number", "boolean", "enum"] as const;
export const MAX_ANALYSIS_FIELDS = 30;

/** One value the analysis extracts, as Retell's post-call analysis data: `confirmedDate: string`. */
export const analysisFieldSchema = z
  .strictObject({
    name: z
      .string({ message: "A field name must be text." })
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "A field name starts with a letter and has letters, digits or _ (at most 64)."),
    type: z.enum(ANALYSIS_FIELD_TYPES, { message: `A field type must be one of ${ANALYSIS_FIELD_TYPES.join(", ")}.` }),
    description: text(500, "A field description").default(""),
    required: z.boolean({ message: "required must be true or false." }).default(false),
    /** enum only: the values the field may take. */
    choices: z
      .array(line(100, "A choice").refine((v) => v.trim().length > 0, "A choice must not be empty."))
      .max(50)
      .optional(),
  })
  .superRefine((field, ctx) => {
    if (field.type === "enum" && (!field.choices || field.choices.length === 0)) {
      ctx.addIssue({ code: "custom", path: ["choices"], message: "An enum field needs at least one choice." });
    }
    if (field.type !== "enum" && field.choices) {
      ctx.addIssue({ code: "custom", path: ["choices"], message: "Only an enum field has choices." });
    }
    if (field.choices && new Set(field.choices).size !== field.choices.length) {
      ctx.addIssue({ code: "custom", path: ["choices"], message: "List each choice once." });
    }
  });
export type AnalysisField = z.infer<typeof analysisFieldSchema>;

export const analysisFieldsSchema = z
  .array(analysisFieldSchema)
  .max(MAX_ANALYSIS_FIELDS, `At most ${MAX_ANALYSIS_FIELDS} analysis fields are allowed.`)
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (seen.has(f.name))
        ctx.addIssue({ code: "custom", path: [i, "name"], message: `The field name ${f.name} is used twice.` });
      seen.add(f.name);
    });
  });

export const extractedValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const extractedSchema = z.record(z.string(), extractedValueSchema);

export const ANALYSIS_STATES = ["pending", "done", "failed"] as const;

/** `analysis` on the call object: null while the interaction is live, pending once it ended. */
export const analysisSchema = z.object({
  status: z.enum(ANALYSIS_STATES),
  /** model: the configured language model wrote it; rules: the deterministic analyser (no model configured). */
  method: z.enum(["model", "rules"]).nullable(),
  summary: z.string().nullable(),
  sentiment: sentimentSchema.nullable(),
  /** Judged against the skill's successCriteria; null when it cannot be judged. */
  successful: z.boolean().nullable(),
  successReason: z.string().nullable(),
  /** The skill's analysis fields; a field the conversation did not give is null. */
  extracted: extractedSchema,
  /** Voice only: the call reached an answering machine; null on other channels. */
  inVoicemail: z.boolean().nullable(),
  /** The interaction ran on the simulator: nothing in it came from a real customer. */
  simulated: z.boolean(),
  /** Why the analysis failed (status failed). */
  error: z.string().nullable(),
  analyzedAt: z.string().nullable(),
  /** A staff member (or an API credential) corrected it. */
  correctedBy: z.object({ kind: z.enum(["staff", "api"]), id: z.string(), name: z.string() }).nullable(),
  correctedAt: z.string().nullable(),
});
export type Analysis = z.infer<typeof analysisSchema>;

/** PUT /calls/{id}/analysis: what the staff member corrects; the rest is kept. */
export const correctAnalysisSchema = z
  .strictObject({
    summary: text(2000, "summary").optional(),
    sentiment: sentimentSchema.optional(),
    successful: z.boolean({ message: "successful must be true, false or null." }).nullable().optional(),
    successReason: text(2000, "successReason").optional(),
    extracted: z
      .record(line(64, "An extracted field name"), extractedValueSchema, {
        message: "extracted must map field names to text, numbers, true/false or null.",
      })
      .refine((r) => Object.keys(r).length <= MAX_ANALYSIS_FIELDS, `At most ${MAX_ANALYSIS_FIELDS} extracted fields.`)
      .optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "Send at least one field to correct." });
export type CorrectAnalysisInput = z.infer<typeof correctAnalysisSchema>;

function fieldSchema(field: AnalysisField) {
  const base =
    field.type === "string"
      ? z.string()
      : field.type === "number"
        ? z.number()
        : field.type === "boolean"
          ? z.boolean()
          : z.enum((field.choices ?? []) as [string, ...string[]]);
  // Every key is present (structured output wants all properties required); an optional field may be null.
  const typed = field.required ? base : base.nullable();
  return field.description ? typed.describe(field.description) : typed;
}

/** The zod schema of the extracted values, built from the skill's field definitions. */
export function buildExtractionSchema(fields: AnalysisField[]) {
  return z.strictObject(Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f)])));
}

/** What the model must answer: the analysis itself, with `extracted` shaped by the field definitions. */
export function buildModelOutputSchema(fields: AnalysisField[], voice: boolean) {
  return z.strictObject({
    summary: z.string().min(1).max(1000).describe("One to three sentences on what happened."),
    sentiment: sentimentSchema.describe("The customer's sentiment; unknown when the conversation gives no evidence."),
    successful: z.boolean().nullable().describe("Whether the success criteria were met; null when there are none."),
    successReason: z.string().max(1000).describe("Why, in one sentence, citing the conversation."),
    inVoicemail: voice ? z.boolean().describe("The call reached an answering machine.") : z.null(),
    extracted: buildExtractionSchema(fields),
  });
}

/** The skill's stored definitions, read leniently: a row written by an older version is ignored, not fatal. */
export function parseAnalysisFields(json: string): AnalysisField[] {
  try {
    const parsed = analysisFieldsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** The list filter's `sentiment` and `successful` values. */
export const analysisFilterShape = {
  sentiment: sentimentSchema.optional(),
  successful: z
    .enum(["true", "false"], { message: "successful must be true or false." })
    .transform((v) => v === "true")
    .optional(),
};
