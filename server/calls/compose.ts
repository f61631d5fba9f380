// Pure rules of Create Call: who the customer is, what the effective agent is, and how the
// templates render. No I/O here, so every rule is unit-tested in compose.test.ts.
import { renderAll, splitName, type Variables } from "@/lib/templates";
import type { CustomerIdentity } from "@/server/customers/schema";
import type { CreateCallInput, CustomField, EffectiveAgent } from "./schema";

/** The agent fields Create Call needs (read with plain SQL on the hot path, see insert.ts). */
export type AgentForCompose = {
  id: string;
  name: string;
  lastname: string;
  nickname: string;
  email: string | null;
  phone: string | null;
  language: string;
  voiceId: string;
  voiceSpeed: number;
  voiceStability: number;
  initialMessage: string;
  baseInstructions: string;
  imageURL: string | null;
  /** E-mail subject template; empty uses the skill's name. */
  emailSubject: string;
};

/** customerOverride wins over the flat customerName/customerPhone/customerEmail fields. */
export function resolveCustomer(input: CreateCallInput): CustomerIdentity {
  const o = input.customerOverride ?? {};
  const overrideName = [o.firstName, o.lastName].filter(Boolean).join(" ");
  const name = overrideName || input.customerName || "";
  const split = splitName(name);
  return {
    name,
    firstName: o.firstName ?? split.first,
    lastName: o.lastName ?? (o.firstName ? "" : split.last),
    phone: o.phoneNumber ?? input.customerPhone ?? null,
    email: (o.email ?? input.customerEmail)?.toLowerCase() ?? null,
    language: o.language ?? null,
  };
}

export function agentDisplayName(agent: Pick<AgentForCompose, "name" | "lastname" | "nickname">): string {
  return agent.nickname || [agent.name, agent.lastname].filter(Boolean).join(" ");
}

/** The agent with agentOverride applied; stored with the interaction (templates not yet rendered). */
export function effectiveAgent(agent: AgentForCompose, input: CreateCallInput): EffectiveAgent {
  const o = input.agentOverride ?? {};
  return {
    name: o.name ?? agentDisplayName(agent),
    phone: o.phone ?? agent.phone,
    email: agent.email,
    imageURL: o.imageURL ?? agent.imageURL,
    language: o.language ?? agent.language,
    voiceId: agent.voiceId,
    voiceSpeed: o.voiceSpeed ?? agent.voiceSpeed,
    voiceStability: o.voiceStability ?? agent.voiceStability,
    initialMessage: o.prompt?.initialMessage ?? agent.initialMessage,
    prompt: o.prompt?.prompt ?? agent.baseInstructions,
    routingConditions: o.prompt?.routingConditions ?? {},
  };
}

/** Template variables: custom fields first, so the built-in customer and agent names take precedence. */
export function templateVariables(customer: CustomerIdentity, agent: EffectiveAgent, fields: CustomField[]): Variables {
  const vars: Variables = {};
  for (const field of fields) vars[field.name] = field.value;
  return Object.assign(vars, {
    firstName: customer.firstName,
    lastName: customer.lastName,
    customerName: customer.name,
    email: customer.email,
    phoneNumber: customer.phone,
    language: customer.language ?? agent.language,
    aiName: agent.name,
    agentPhone: agent.phone,
    agentEmail: agent.email,
  });
}

export function composeInteraction(agent: AgentForCompose, input: CreateCallInput, skillName = "") {
  const customer = resolveCustomer(input);
  const agentSettings = effectiveAgent(agent, input);
  const customFields = input.customerOverride?.customFields ?? [];
  // An e-mail's subject is the agent's template when it has one, with the same variables and the same
  // missing-variable rule; otherwise the skill's name.
  const subjectTemplate = input.channel === "email" ? agent.emailSubject || skillName : "";
  const { rendered, unresolved } = renderAll(
    { initialMessage: agentSettings.initialMessage, prompt: agentSettings.prompt, subject: subjectTemplate },
    templateVariables(customer, agentSettings, customFields),
  );
  return { customer, agent: agentSettings, customFields, rendered, unresolved };
}
