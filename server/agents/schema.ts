// AI agents: who speaks to the customer, with which voice and instructions, and which skills.
import { z } from "zod";
import { contentSid, email, finite, httpUrl, language, line, nonEmptyLine, phone, text, uuid } from "@/lib/validation";
import { skillSchema } from "@/server/skills/schema";

export const createAgentSchema = z.strictObject({
  name: nonEmptyLine(100, "name"),
  lastname: line(100, "lastname").optional(),
  nickname: line(100, "nickname").optional(),
  email: email().optional(),
  phone: phone().optional(),
  language: language().optional(),
  active: z.boolean().optional(),
  voiceId: line(100, "voiceId").optional(),
  voiceSpeed: finite(0.25, 4, "voiceSpeed").optional(),
  voiceStability: finite(0, 1, "voiceStability").optional(),
  roleText: text(2000, "roleText").optional(),
  jobDescriptions: text(5000, "jobDescriptions").optional(),
  baseInstructions: text(20_000, "baseInstructions").optional(),
  initialMessage: text(4000, "initialMessage").optional(),
  /** E-mail subject template with the same {{variables}} as initialMessage; empty uses the skill's name. */
  emailSubject: line(300, "emailSubject").optional(),
  capabilities: z.array(line(100, "A capability")).max(50, "At most 50 capabilities are allowed.").optional(),
  skillIds: z.array(uuid("A skill id")).max(100, "At most 100 skills are allowed.").optional(),
  imageURL: httpUrl("imageURL").optional(),
  /** The model this agent's conversations use; without it, the server's LLM_MODEL. */
  llmModel: nonEmptyLine(200, "llmModel").optional(),
  /** The model's sampling temperature; without it, the model's own default. */
  llmTemperature: finite(0, 2, "llmTemperature").optional(),
  /** Voice: where a transfer to a person dials. */
  transferNumber: phone().optional(),
  /** Voice: what the agent leaves on an answering machine; empty hangs up instead. */
  voicemailMessage: text(1000, "voicemailMessage").optional(),
  /** WhatsApp: the approved template (Content SID, HX…) that opens a conversation outside the 24-hour window. */
  whatsappTemplateSid: contentSid().optional(),
});
export type CreateAgentInput = z.infer<typeof createAgentSchema>;

// null clears an optional contact field or model setting (the dashboard's edit form sends it for an emptied input).
export const updateAgentSchema = createAgentSchema
  .extend({
    email: email().nullable(),
    phone: phone().nullable(),
    imageURL: httpUrl("imageURL").nullable(),
    llmModel: nonEmptyLine(200, "llmModel").nullable(),
    llmTemperature: finite(0, 2, "llmTemperature").nullable(),
    transferNumber: phone().nullable(),
    whatsappTemplateSid: contentSid().nullable(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "Send at least one field to change." });
export type UpdateAgentInput = z.infer<typeof updateAgentSchema>;

export const agentSchema = z.object({
  id: z.string(),
  name: z.string(),
  lastname: z.string(),
  nickname: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language: z.string(),
  active: z.boolean(),
  voiceId: z.string(),
  voiceSpeed: z.number(),
  voiceStability: z.number(),
  roleText: z.string(),
  jobDescriptions: z.string(),
  baseInstructions: z.string(),
  initialMessage: z.string(),
  emailSubject: z.string(),
  capabilities: z.array(z.string()),
  skills: z.array(skillSchema.pick({ id: true, name: true, description: true, language: true, active: true })),
  imageURL: z.string().nullable(),
  llmModel: z.string().nullable(),
  llmTemperature: z.number().nullable(),
  transferNumber: z.string().nullable(),
  voicemailMessage: z.string(),
  whatsappTemplateSid: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AgentDto = z.infer<typeof agentSchema>;
