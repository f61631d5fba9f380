// The create-interaction form's own shape and its two-way mapping to the Create Call body. The form
// edits strings (inputs hold text) and the agent's effective settings; the body carries typed values
// and only the overrides that differ from the agent's defaults. Pure, so it is unit-tested.
import type { AgentDto } from "@/server/agents/schema";
import { agentDisplayName } from "@/server/calls/compose";
import type { Call, CreateCallInput, CustomField } from "@/server/calls/schema";
import type { Channel } from "@/server/calls/status";

export type ValueType = "text" | "number" | "boolean";
export type TypedRow = { name: string; type: ValueType; value: string };

/** The agent settings the form shows: the agent's defaults until the user changes them. */
export type AgentSettings = {
  name: string;
  phone: string;
  imageURL: string;
  voiceSpeed: number;
  voiceStability: number;
  initialMessage: string;
  prompt: string;
};

export type CreateCallFormValues = {
  agentId: string;
  skillId: string;
  channel: Channel;
  customerName: string;
  customerPhone: string;
  customerEmail: string;
  language: string;
  customFields: TypedRow[];
  agent: AgentSettings;
  routingConditions: TypedRow[];
  /** A test run on the simulator; `persona` is the customer the model plays. */
  simulate: boolean;
  persona: string;
};

export const PHONE_CHANNELS: ReadonlySet<Channel> = new Set(["call", "sms", "whatsapp"]);

/** Which contact field the channel needs, so the form can mark it required. */
export function requiredContact(channel: Channel): "customerPhone" | "customerEmail" | null {
  if (PHONE_CHANNELS.has(channel)) return "customerPhone";
  return channel === "email" ? "customerEmail" : null;
}

export const emptyAgentSettings: AgentSettings = {
  name: "",
  phone: "",
  imageURL: "",
  voiceSpeed: 1,
  voiceStability: 0.5,
  initialMessage: "",
  prompt: "",
};

export const emptyFormValues: CreateCallFormValues = {
  agentId: "",
  skillId: "",
  channel: "call",
  customerName: "",
  customerPhone: "",
  customerEmail: "",
  language: "",
  customFields: [],
  agent: emptyAgentSettings,
  routingConditions: [],
  simulate: false,
  persona: "",
};

/** What the agent would use with no override: the same rules as effectiveAgent on the server. */
export function agentDefaults(agent: AgentDto): AgentSettings {
  return {
    name: agentDisplayName(agent),
    phone: agent.phone ?? "",
    imageURL: agent.imageURL ?? "",
    voiceSpeed: agent.voiceSpeed,
    voiceStability: agent.voiceStability,
    initialMessage: agent.initialMessage,
    prompt: agent.baseInstructions,
  };
}

/** Text → typed value. A number that does not parse stays NaN, so the schema rejects it. */
export function typedValue(row: TypedRow): string | number | boolean {
  if (row.type === "boolean") return row.value === "true";
  if (row.type === "number") return row.value.trim() === "" ? Number.NaN : Number(row.value.trim());
  return row.value;
}

export function toTypedRow(name: string, value: string | number | boolean): TypedRow {
  if (typeof value === "boolean") return { name, type: "boolean", value: String(value) };
  if (typeof value === "number") return { name, type: "number", value: String(value) };
  return { name, type: "text", value };
}

const trimmed = (v: string) => (v.trim() === "" ? undefined : v.trim());

/** The agentOverride: only settings that differ from the agent's defaults (blank one-liners mean "default"). */
export function agentOverride(values: CreateCallFormValues, defaults: AgentSettings | undefined) {
  const a = values.agent;
  const d = defaults ?? a;
  const changed = <K extends keyof AgentSettings>(k: K) => a[k] !== d[k];
  // A routing row without a name says nothing; the agent has no routing defaults, so the rest are sent.
  const routing = values.routingConditions.filter((r) => r.name.trim() !== "");
  const prompt = {
    ...(changed("initialMessage") && { initialMessage: a.initialMessage }),
    ...(changed("prompt") && { prompt: a.prompt }),
    ...(routing.length > 0 && { routingConditions: Object.fromEntries(routing.map((r) => [r.name.trim(), typedValue(r)])) }),
  };
  const override = {
    ...(changed("name") && trimmed(a.name) && { name: a.name.trim() }),
    ...(changed("phone") && trimmed(a.phone) && { phone: a.phone.trim() }),
    ...(changed("imageURL") && trimmed(a.imageURL) && { imageURL: a.imageURL.trim() }),
    ...(changed("voiceSpeed") && { voiceSpeed: a.voiceSpeed }),
    ...(changed("voiceStability") && { voiceStability: a.voiceStability }),
    ...(Object.keys(prompt).length > 0 && { prompt }),
  };
  return Object.keys(override).length > 0 ? (override as NonNullable<CreateCallInput["agentOverride"]>) : undefined;
}

/** The Create Call body for these form values. Not validated here: createCallSchema does that. */
export function toCreateCallBody(values: CreateCallFormValues, defaults: AgentSettings | undefined): CreateCallInput {
  const customerOverride = {
    ...(trimmed(values.language) && { language: values.language.trim() }),
    ...(values.customFields.length > 0 && {
      customFields: values.customFields.map((r): CustomField => ({ name: r.name.trim(), value: typedValue(r) })),
    }),
  };
  const agent = agentOverride(values, defaults);
  return {
    agentId: values.agentId,
    skillId: values.skillId,
    channel: values.channel,
    ...(trimmed(values.customerName) && { customerName: values.customerName.trim() }),
    ...(trimmed(values.customerPhone) && { customerPhone: values.customerPhone.trim() }),
    ...(trimmed(values.customerEmail) && { customerEmail: values.customerEmail.trim() }),
    ...(Object.keys(customerOverride).length > 0 && { customerOverride }),
    ...(agent && { agentOverride: agent }),
    ...(values.simulate && { simulate: true }),
    ...(values.simulate && trimmed(values.persona) && { persona: values.persona.trim() }),
  };
}

/** A past interaction as form values, for Repeat. Its effective agent becomes the starting settings. */
export function formValuesFromCall(call: Call, customerLanguage: string | null): CreateCallFormValues {
  // With no name given, the API names the customer after their phone or e-mail: that is no name to repeat.
  const placeholderName = [call.customerPhone, call.customerEmail, "Web visitor"].includes(call.customerName);
  return {
    agentId: call.agentId,
    skillId: call.skillId,
    channel: call.channel,
    customerName: placeholderName ? "" : call.customerName,
    customerPhone: call.customerPhone ?? "",
    customerEmail: call.customerEmail ?? "",
    language: customerLanguage ?? "",
    customFields: call.customFields.map((f) => toTypedRow(f.name, f.value)),
    agent: {
      name: call.agent.name,
      phone: call.agent.phone ?? "",
      imageURL: call.agent.imageURL ?? "",
      voiceSpeed: call.agent.voiceSpeed,
      voiceStability: call.agent.voiceStability,
      initialMessage: call.agent.initialMessage,
      prompt: call.agent.prompt,
    },
    routingConditions: Object.entries(call.agent.routingConditions).map(([k, v]) => toTypedRow(k, v)),
    // A repeat of a test run is a test run; a real conversation is repeated for real.
    simulate: call.simulated && !(call.channel === "webchat" && call.provider === "webchat"),
    persona: "",
  };
}

/** The names the templates can use, in the order the chips show them. */
export const BUILT_IN_VARIABLES = [
  "customerName",
  "firstName",
  "lastName",
  "phoneNumber",
  "email",
  "language",
  "aiName",
  "agentPhone",
  "agentEmail",
] as const;

export function variableNames(values: Pick<CreateCallFormValues, "customFields">): string[] {
  const names: string[] = [...BUILT_IN_VARIABLES];
  for (const f of values.customFields) {
    const name = f.name.trim();
    if (name && !/[{}]/.test(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Inserts `{{name}}` into text at the selection, returning the new text and where the cursor goes. */
export function insertVariable(text: string, start: number, end: number, name: string) {
  const token = `{{${name}}}`;
  return { text: text.slice(0, start) + token + text.slice(end), cursor: start + token.length };
}
