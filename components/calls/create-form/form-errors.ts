// Validation for the create-interaction form comes from the API's own createCallSchema: the resolver
// converts the form to the Create Call body, parses it, and maps every issue's body path back onto the
// form field a person sees. Server 422 `details` go through the same mapping. Messages that name an
// API field are reworded for people.
import { toNestErrors } from "@hookform/resolvers";
import type { FieldError, FieldErrors, Resolver } from "react-hook-form";
import { createCallSchema } from "@/server/calls/schema";
import { type AgentSettings, type CreateCallFormValues, toCreateCallBody } from "./form-model";

export type FormFieldPath = string;

const CUSTOMER: Record<string, string> = {
  customerName: "customerName",
  customerPhone: "customerPhone",
  customerEmail: "customerEmail",
};
const CUSTOMER_OVERRIDE: Record<string, string> = {
  firstName: "customerName",
  lastName: "customerName",
  phoneNumber: "customerPhone",
  email: "customerEmail",
  language: "language",
};
const AGENT_OVERRIDE: Record<string, string> = {
  name: "agent.name",
  phone: "agent.phone",
  imageURL: "agent.imageURL",
  voiceSpeed: "agent.voiceSpeed",
  voiceStability: "agent.voiceStability",
};

/** A body path (["customerOverride","customFields",0,"value"] or "agentOverride.prompt.prompt") → a form field. */
export function formFieldFor(path: readonly PropertyKey[] | string, values: CreateCallFormValues): FormFieldPath | null {
  const p = typeof path === "string" ? (path ? path.split(".") : []) : path.map(String);
  const [head, second, third, ...rest] = p;
  if (head === "agentId" || head === "skillId" || head === "channel") return head;
  if (head in CUSTOMER) return CUSTOMER[head];
  if (head === "customerOverride") {
    if (second === "customFields") {
      if (third === undefined) return "customFields.root";
      return `customFields.${third}.${rest[0] === "name" ? "name" : "value"}`;
    }
    return CUSTOMER_OVERRIDE[second] ?? null;
  }
  if (head === "agentOverride") {
    if (second !== "prompt") return AGENT_OVERRIDE[second] ?? null;
    if (third === "initialMessage") return "agent.initialMessage";
    if (third === "prompt") return "agent.prompt";
    if (third === "routingConditions") {
      if (rest.length === 0) return "routingConditions.root";
      const key = rest.join(".");
      const index = values.routingConditions.findIndex((r) => r.name.trim() === key);
      return index >= 0 ? `routingConditions.${index}.value` : "routingConditions.root";
    }
  }
  return null;
}

const FRIENDLY_NAMES: [RegExp, string][] = [
  [/^customerName\b/, "The customer name"],
  [/^imageURL\b/, "The image URL"],
  [/^voiceSpeed\b/, "Voice speed"],
  [/^voiceStability\b/, "Voice stability"],
  [/^initialMessage\b/, "The initial message"],
  [/^prompt\b/, "The prompt"],
  [/^language\b/, "The language"],
];

/** Says the schema's message in the form's words. */
export function friendlyMessage(field: FormFieldPath, message: string, values: CreateCallFormValues): string {
  if (field === "agentId") return message.includes("UUID") ? "Choose an agent." : message;
  if (field === "skillId") return message.includes("UUID") ? "Choose a skill." : message;
  if (field === "channel") return "Choose a channel.";
  const row = /^customFields\.(\d+)\.value$/.exec(field) ?? /^routingConditions\.(\d+)\.value$/.exec(field);
  if (row) {
    const rows = field.startsWith("custom") ? values.customFields : values.routingConditions;
    if (rows[Number(row[1])]?.type === "number") return "Enter a number, e.g. 42 or 3.5.";
  }
  for (const [re, name] of FRIENDLY_NAMES) if (re.test(message)) return message.replace(re, name);
  return message;
}

export type MappedIssue = { field: FormFieldPath | null; message: string };

export function mapIssues(
  issues: { path: readonly PropertyKey[] | string; message: string }[],
  values: CreateCallFormValues,
): MappedIssue[] {
  return issues.map((issue) => {
    const field = formFieldFor(issue.path, values);
    return { field, message: field ? friendlyMessage(field, issue.message, values) : issue.message };
  });
}

/**
 * The form's resolver: createCallSchema on the body the form would send. `getDefaults` reads the
 * picked agent's defaults at validation time, because only changed settings are sent (and checked).
 */
export function createCallResolver(getDefaults: () => AgentSettings | undefined): Resolver<CreateCallFormValues> {
  return async (values, _context, options) => {
    const result = createCallSchema.safeParse(toCreateCallBody(values, getDefaults()));
    if (result.success) return { values, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const { field, message } of mapIssues(result.error.issues, values)) {
      const key = field ?? "root.form";
      if (!flat[key]) flat[key] = { type: "validate", message };
    }
    return { values: {}, errors: toNestErrors(flat as FieldErrors, options) as FieldErrors<CreateCallFormValues> };
  };
}
