// The agent form's values are the inputs' strings; these schemas turn them into the API's body and
// then validate it with the API's own createAgentSchema / updateAgentSchema, so the form shows
// exactly the messages the server would send, on the same field names.
import { z } from "zod";
import { type AgentDto, createAgentSchema, updateAgentSchema } from "@/server/agents/schema";

export const agentFormFields = [
  "name",
  "lastname",
  "nickname",
  "email",
  "phone",
  "language",
  "imageURL",
  "voiceId",
  "voiceSpeed",
  "voiceStability",
  "roleText",
  "jobDescriptions",
  "baseInstructions",
  "initialMessage",
  "capabilities",
  "llmModel",
  "llmTemperature",
  "transferNumber",
  "voicemailMessage",
  "whatsappTemplateSid",
  "skillIds",
] as const;

type TextKey = Exclude<(typeof agentFormFields)[number], "skillIds">;
export type AgentFormValues = Record<TextKey, string> & { skillIds: string[] };

const formValuesSchema = z.object({
  ...(Object.fromEntries(agentFormFields.filter((f) => f !== "skillIds").map((f) => [f, z.string()])) as Record<
    TextKey,
    z.ZodString
  >),
  skillIds: z.array(z.string()),
});

/** `editing`: an emptied e-mail, phone, image URL, model, temperature, transfer number or template is sent as null, which clears it. */
// Typed as the widest body (update's) because a zod pipe wants its source to cover the next schema's input.
function toBody(v: AgentFormValues, editing: boolean): z.input<typeof updateAgentSchema> {
  const optional = (s: string) => (s.trim() === "" ? (editing ? null : undefined) : s.trim());
  const number = (s: string) => (s.trim() === "" ? undefined : Number(s));
  const optionalNumber = (s: string) => (s.trim() === "" ? (editing ? null : undefined) : Number(s));
  return {
    name: v.name,
    lastname: v.lastname,
    nickname: v.nickname,
    email: optional(v.email),
    phone: optional(v.phone),
    language: v.language.trim() || undefined,
    imageURL: optional(v.imageURL),
    voiceId: v.voiceId,
    voiceSpeed: number(v.voiceSpeed),
    voiceStability: number(v.voiceStability),
    roleText: v.roleText,
    jobDescriptions: v.jobDescriptions,
    baseInstructions: v.baseInstructions,
    initialMessage: v.initialMessage,
    capabilities: v.capabilities
      .split("\n")
      .map((c) => c.trim())
      .filter(Boolean),
    llmModel: optional(v.llmModel),
    llmTemperature: optionalNumber(v.llmTemperature),
    transferNumber: optional(v.transferNumber),
    voicemailMessage: v.voicemailMessage,
    whatsappTemplateSid: optional(v.whatsappTemplateSid),
    skillIds: v.skillIds,
  };
}

export const createAgentFormSchema = formValuesSchema.transform((v) => toBody(v, false)).pipe(createAgentSchema);
export const updateAgentFormSchema = formValuesSchema.transform((v) => toBody(v, true)).pipe(updateAgentSchema);

export function agentFormDefaults(agent?: AgentDto): AgentFormValues {
  return {
    name: agent?.name ?? "",
    lastname: agent?.lastname ?? "",
    nickname: agent?.nickname ?? "",
    email: agent?.email ?? "",
    phone: agent?.phone ?? "",
    language: agent?.language ?? "en-US",
    imageURL: agent?.imageURL ?? "",
    voiceId: agent?.voiceId ?? "",
    voiceSpeed: String(agent?.voiceSpeed ?? 1),
    voiceStability: String(agent?.voiceStability ?? 0.5),
    roleText: agent?.roleText ?? "",
    jobDescriptions: agent?.jobDescriptions ?? "",
    baseInstructions: agent?.baseInstructions ?? "",
    initialMessage: agent?.initialMessage ?? "",
    capabilities: (agent?.capabilities ?? []).join("\n"),
    llmModel: agent?.llmModel ?? "",
    llmTemperature: agent?.llmTemperature == null ? "" : String(agent.llmTemperature),
    transferNumber: agent?.transferNumber ?? "",
    voicemailMessage: agent?.voicemailMessage ?? "",
    whatsappTemplateSid: agent?.whatsappTemplateSid ?? "",
    skillIds: agent?.skills.map((s) => s.id) ?? [],
  };
}
