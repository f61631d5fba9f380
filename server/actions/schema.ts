// Agent actions: HTTP tools an agent's language model may call during a conversation (a CRM lookup,
// a booking). Inputs (one schema each) and the response shape. The URL's SSRF check needs DNS, so the
// service runs it (service.ts); everything a schema can see is checked here.
import { z } from "zod";
import { httpUrl, text, uuid } from "@/lib/validation";

/** Tools every agent already has; an action may not shadow one. */
export const BUILT_IN_TOOLS = ["end_interaction", "transfer_to_human", "lookup_custom_field", "search_knowledge"] as const;
export const MAX_ACTIONS_PER_AGENT = 20;
export const MAX_PARAMETERS_BYTES = 20 * 1024;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const EMPTY_PARAMETERS = { type: "object", properties: {} } as const;

const NAME = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;
const builtIn = new Set<string>(BUILT_IN_TOOLS);

const nameField = z
  .string({ message: "name must be text." })
  .regex(NAME, {
    message: "name must start with a letter and hold only letters, digits, _ and - (at most 64), e.g. check_order.",
  })
  // Case-insensitive: End_Interaction beside end_interaction would only confuse the model.
  .refine((v) => !builtIn.has(v.toLowerCase()), {
    message: `This name belongs to a built-in tool (${BUILT_IN_TOOLS.join(", ")}): choose another.`,
  });

/** Serialized size, in UTF-8 bytes (TextEncoder: the form runs this in the browser too). */
const byteSize = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/**
 * The arguments' JSON schema, as model APIs take it: an object at the top, its properties each a
 * schema, and `required` naming some of them. Anything else JSON Schema allows (descriptions, enums,
 * nested objects) passes through untouched.
 */
const parametersField = z
  .looseObject(
    {
      type: z.literal("object", { message: 'The top level of parameters must have "type": "object".' }),
      properties: z
        .record(z.string(), z.unknown(), {
          message: "properties must be an object mapping each argument's name to its JSON schema.",
        })
        .optional(),
      required: z.array(z.string(), { message: "required must be a list of property names." }).optional(),
    },
    { message: 'parameters must be a JSON schema object such as {"type": "object", "properties": {}}.' },
  )
  // Checked here rather than by the record's value schema, so each message can name the property.
  .superRefine((schema, ctx) => {
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (!property || typeof property !== "object" || Array.isArray(property)) {
        ctx.addIssue({
          code: "custom",
          path: ["properties", name],
          message: `The property "${name}" must be a JSON schema object, e.g. {"type": "string"}.`,
        });
      }
    }
    for (const [i, name] of (schema.required ?? []).entries()) {
      if (!schema.properties || !Object.hasOwn(schema.properties, name)) {
        ctx.addIssue({
          code: "custom",
          path: ["required", i],
          message: `required names "${name}", which is not one of properties. Add it to properties or remove it here.`,
        });
      }
    }
    if (byteSize(schema) > MAX_PARAMETERS_BYTES) {
      ctx.addIssue({ code: "custom", message: `parameters must be at most ${MAX_PARAMETERS_BYTES / 1024} KB as JSON.` });
    }
  });

const timeoutField = z
  .number({ message: "timeoutMs must be a number of milliseconds." })
  .int("timeoutMs must be a whole number of milliseconds.")
  .min(500, "timeoutMs must be between 500 and 30000 milliseconds.")
  .max(30_000, "timeoutMs must be between 500 and 30000 milliseconds.");

const fields = {
  name: nameField,
  /** Tells the model when to call the action and what it does. */
  description: text(1000, "description"),
  parameters: parametersField,
  /** Callboard POSTs the arguments here, signed like a webhook. */
  url: httpUrl("url"),
  timeoutMs: timeoutField,
  enabled: z.boolean({ message: "enabled must be true or false." }),
};

export const createActionSchema = z.strictObject({
  name: fields.name,
  description: fields.description.default(""),
  parameters: fields.parameters.default(() => ({ ...EMPTY_PARAMETERS, properties: {} })),
  url: fields.url,
  timeoutMs: fields.timeoutMs.default(DEFAULT_TIMEOUT_MS),
  enabled: fields.enabled.default(true),
});
export type CreateActionInput = z.infer<typeof createActionSchema>;

// No defaults here: a field left out stays as it is.
export const updateActionSchema = z
  .strictObject(fields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "Send at least one field to change." });
export type UpdateActionInput = z.infer<typeof updateActionSchema>;

export const actionParamsSchema = z.object({
  id: uuid("The agent id in the path"),
  actionId: uuid("The action id in the path"),
});

export const actionSchema = z.object({
  id: z.string(),
  agentId: z.string(),
  name: z.string(),
  description: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  url: z.string(),
  timeoutMs: z.number().int(),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActionDto = z.infer<typeof actionSchema>;

/** GET /agents/{id}/actions-secret: the key receivers verify action requests with (admins only). */
export const actionSecretSchema = z.object({ secret: z.string().startsWith("whsec_") });
export type ActionSecretDto = z.infer<typeof actionSecretSchema>;
