// Skills: what an agent can handle ("Order notifications", "Billing support").
import { z } from "zod";
import { contentSid, language, nonEmptyLine, text } from "@/lib/validation";
import { analysisFieldSchema, analysisFieldsSchema } from "@/server/analysis/schema";

export const createSkillSchema = z.strictObject({
  name: nonEmptyLine(100, "name"),
  description: text(2000, "description").optional(),
  language: language().optional(),
  active: z.boolean().optional(),
  /** WhatsApp: the approved template (Content SID) for this skill's conversations; overrides the agent's. */
  whatsappTemplateSid: contentSid().optional(),
  /** What the post-call analysis judges success against: "the customer confirmed the delivery date". */
  successCriteria: text(2000, "successCriteria").optional(),
  /** The values the post-call analysis extracts from each interaction of this skill. */
  analysisFields: analysisFieldsSchema.optional(),
});
export type CreateSkillInput = z.infer<typeof createSkillSchema>;

export const updateSkillSchema = createSkillSchema
  .extend({ whatsappTemplateSid: contentSid().nullable() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "Send at least one field to change." });
export type UpdateSkillInput = z.infer<typeof updateSkillSchema>;

export const skillSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  language: z.string(),
  active: z.boolean(),
  whatsappTemplateSid: z.string().nullable(),
  successCriteria: z.string(),
  analysisFields: z.array(analysisFieldSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SkillDto = z.infer<typeof skillSchema>;
