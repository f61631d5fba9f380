// The action form's values are what its inputs hold (parameters as JSON text, the timeout as the
// number input's string); these schemas turn them into the API's body and validate that with the
// API's own createActionSchema / updateActionSchema, so the form shows the server's messages.
import { z } from "zod";
import {
  type ActionDto,
  createActionSchema,
  DEFAULT_TIMEOUT_MS,
  EMPTY_PARAMETERS,
  updateActionSchema,
} from "@/server/actions/schema";

export const actionFormFields = ["name", "description", "parameters", "url", "timeoutMs", "enabled"] as const;
export type ActionFormValues = {
  name: string;
  description: string;
  parameters: string;
  url: string;
  timeoutMs: string;
  enabled: boolean;
};

const formValuesSchema = z.object({
  name: z.string(),
  description: z.string(),
  parameters: z.string(),
  url: z.string(),
  timeoutMs: z.string(),
  enabled: z.boolean(),
});

// Typed as the widest body (update's) because a zod pipe wants its source to cover the next schema's input.
const toBody = (v: ActionFormValues, ctx: z.RefinementCtx): z.input<typeof updateActionSchema> => {
  let parameters: unknown;
  try {
    parameters = v.parameters.trim() === "" ? { ...EMPTY_PARAMETERS, properties: {} } : JSON.parse(v.parameters);
  } catch {
    ctx.addIssue({
      code: "custom",
      path: ["parameters"],
      message: 'parameters is not valid JSON. Check the quotes, commas and braces, e.g. {"type": "object", "properties": {}}.',
    });
    return z.NEVER;
  }
  return {
    name: v.name.trim(),
    description: v.description,
    parameters: parameters as z.input<typeof updateActionSchema>["parameters"],
    url: v.url.trim(),
    timeoutMs: v.timeoutMs.trim() === "" ? undefined : Number(v.timeoutMs),
    enabled: v.enabled,
  };
};

export const createActionFormSchema = formValuesSchema.transform(toBody).pipe(createActionSchema);
export const updateActionFormSchema = formValuesSchema.transform(toBody).pipe(updateActionSchema);

export function actionFormDefaults(action?: ActionDto): ActionFormValues {
  return {
    name: action?.name ?? "",
    description: action?.description ?? "",
    parameters: JSON.stringify(action?.parameters ?? EMPTY_PARAMETERS, null, 2),
    url: action?.url ?? "",
    timeoutMs: String(action?.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    enabled: action?.enabled ?? true,
  };
}
