// The zod schemas for interactions ("calls"): the Create Call body (wire-compatible with the
// reference API), the update body, the list query, and the call object returned everywhere.
// The route handlers, the dashboard form, the OpenAPI document and the tests all use these.
import { z } from "zod";
import { email, finite, httpUrl, language, line, pagingQuery, phone, text, uuid } from "@/lib/validation";
import { analysisFilterShape, analysisSchema } from "@/server/analysis/schema";
import { channelSchema, statusSchema } from "./status";

export const MAX_CUSTOM_FIELDS = 50;

export const customFieldSchema = z.strictObject({
  name: line(100, "A custom field name").refine((v) => v.trim().length > 0, "A custom field needs a name."),
  value: z.union([text(2000, "A custom field value"), z.number().finite(), z.boolean()], {
    message: "A custom field value must be text, a number or true/false.",
  }),
});
export type CustomField = z.infer<typeof customFieldSchema>;

export const customerOverrideSchema = z.strictObject({
  firstName: line(100, "firstName").optional(),
  lastName: line(100, "lastName").optional(),
  phoneNumber: phone().optional(),
  email: email().optional(),
  language: language().optional(),
  customFields: z
    .array(customFieldSchema)
    .max(MAX_CUSTOM_FIELDS, `At most ${MAX_CUSTOM_FIELDS} custom fields are allowed.`)
    .optional(),
});

const routingValue = z.union([line(500, "A routing condition value"), z.number().finite(), z.boolean()], {
  message: "A routing condition value must be text, a number or true/false.",
});

export const agentPromptOverrideSchema = z.strictObject({
  initialMessage: text(4000, "initialMessage").optional(),
  prompt: text(20_000, "prompt").optional(),
  routingConditions: z
    .record(line(100, "A routing condition name"), routingValue)
    .refine((r) => Object.keys(r).length <= 50, "At most 50 routing conditions are allowed.")
    .optional(),
});

export const agentOverrideSchema = z.strictObject({
  name: line(100, "The agent name").optional(),
  phone: phone().optional(),
  imageURL: httpUrl("imageURL").optional(),
  language: language().optional(),
  voiceStability: finite(0, 1, "voiceStability").optional(),
  voiceSpeed: finite(0.25, 4, "voiceSpeed").optional(),
  prompt: agentPromptOverrideSchema.optional(),
});

const PHONE_CHANNELS = new Set(["call", "sms", "whatsapp"]);

export const createCallSchema = z
  .strictObject({
    agentId: uuid("agentId"),
    channel: channelSchema,
    skillId: uuid("skillId"),
    customerOverride: customerOverrideSchema.optional(),
    agentOverride: agentOverrideSchema.optional(),
    customerName: line(200, "customerName").optional(),
    customerPhone: phone().optional(),
    customerEmail: email().optional(),
    /** Run on the simulator even when a real provider is configured ("test your agent"). */
    simulate: z.boolean({ message: "simulate must be true or false." }).optional(),
    /** Who the simulated customer is, when a model plays them: "an impatient customer whose parcel is late". */
    persona: text(2000, "persona").optional(),
  })
  .superRefine((body, ctx) => {
    const phoneNumber = body.customerOverride?.phoneNumber ?? body.customerPhone;
    const mail = body.customerOverride?.email ?? body.customerEmail;
    if (PHONE_CHANNELS.has(body.channel) && !phoneNumber) {
      ctx.addIssue({
        code: "custom",
        path: ["customerPhone"],
        message: `A customer phone number is required for the ${body.channel} channel, e.g. +14155550123.`,
      });
    }
    if (body.channel === "email" && !mail) {
      ctx.addIssue({
        code: "custom",
        path: ["customerEmail"],
        message: "A customer e-mail address is required for the email channel.",
      });
    }
  });
export type CreateCallInput = z.infer<typeof createCallSchema>;

/** The optional Idempotency-Key header of POST /calls: an opaque client-chosen string, e.g. a UUID. */
export const idempotencyKeySchema = z
  .string()
  .min(1, "Idempotency-Key must not be empty.")
  .max(255, "Idempotency-Key must be at most 255 characters.")
  .regex(/^[\x21-\x7e]+$/, "Idempotency-Key must be printable ASCII without spaces, e.g. a UUID.")
  .optional();

export const updateCallSchema = z
  .strictObject({
    agentId: uuid("agentId").optional(),
    status: statusSchema.optional(),
    note: text(5000, "note").optional(),
  })
  .refine((b) => b.agentId !== undefined || b.status !== undefined || b.note !== undefined, {
    message: "Send at least one of agentId, status or note.",
  });
export type UpdateCallInput = z.infer<typeof updateCallSchema>;

/** A real calendar date (no 2025-02-30, which Date.parse rolls over) whose instant is within years 1000–9999. */
function isRealDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  const time = Date.parse(v);
  if (!m || Number.isNaN(time)) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  const year = new Date(time).getUTCFullYear();
  return day.getUTCMonth() === mo - 1 && day.getUTCDate() === d && year >= 1000 && year <= 9999;
}

const isoDate = (label: string) =>
  z
    .string()
    .refine(isRealDate, {
      message: `${label} must be a date such as 2025-03-17 or 2025-03-17T14:30:00Z (years 1000 to 9999).`,
    })
    .transform((v) => new Date(v));

/** The list's filters, shared by the paged list and the CSV export. */
const callFilterShape = {
  status: statusSchema.optional(),
  channel: channelSchema.optional(),
  agentId: uuid("agentId").optional(),
  customerId: uuid("customerId").optional(),
  hrs: z.coerce
    .number({ message: "hrs must be a number of hours." })
    .positive("hrs must be greater than 0.")
    .max(24 * 366, "hrs must be at most 8784 (one year).")
    .optional(),
  "dateRange[from]": isoDate("dateRange[from]").optional(),
  "dateRange[to]": isoDate("dateRange[to]").optional(),
  direction: z.enum(["inbound", "outbound"], { message: "direction must be inbound or outbound." }).optional(),
  needsPerson: z
    .enum(["true", "false"], { message: "needsPerson must be true or false." })
    .transform((v) => v === "true")
    .optional(),
  q: line(200, "q").optional(),
  ...analysisFilterShape,
};

const rangeInOrder = (q: { "dateRange[from]"?: Date; "dateRange[to]"?: Date }) =>
  !q["dateRange[from]"] || !q["dateRange[to]"] || q["dateRange[from]"] <= q["dateRange[to]"];
const rangeMessage = { message: "dateRange[from] must not be after dateRange[to].", path: ["dateRange[from]"] };

export const listCallsQuerySchema = z.strictObject({ ...callFilterShape, ...pagingQuery }).refine(rangeInOrder, rangeMessage);
export type ListCallsQuery = z.infer<typeof listCallsQuerySchema>;

/** GET /calls.csv: the list's filters, every matching interaction (no paging). */
export const exportCallsQuerySchema = z.strictObject(callFilterShape).refine(rangeInOrder, rangeMessage);
export type CallFilter = z.infer<typeof exportCallsQuerySchema>;

export const callIdParamsSchema = z.object({ id: uuid("The call id") });

/** GET /calls/{id}/recording: the signed token from recordingUrl; `download` (any value) makes it an attachment. */
export const recordingQuerySchema = z.object({ token: z.string().max(200).optional(), download: z.string().optional() });

export const MESSAGE_SENDERS = ["agent", "customer", "staff", "system", "tool"] as const;

/** POST /calls/{id}/transfer: where to; the agent's transfer number when left out. */
export const transferSchema = z.strictObject({ to: phone().optional() });

/** A message as the reference lists it: every field a string; `mediaUrl` is "" when there is no attachment. */
export const referenceMessageSchema = z.object({
  sid: z.string(),
  timestamp: z.string(),
  /** staff: a person who took over; tool: a tool the agent called (internal). */
  sender: z.enum(MESSAGE_SENDERS),
  content: z.string(),
  mediaUrl: z.string(),
  status: z.string(),
});

/** An e-mail's envelope, on messages of the email channel: what a mail client shows above the text. */
export const emailEnvelopeSchema = z.object({
  subject: z.string(),
  from: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  date: z.string().nullable(),
  messageId: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  attachments: z.array(
    z.object({
      filename: z.string(),
      contentType: z.string(),
      size: z.number().int(),
      /** Where staff and integrations fetch it (API credentials or a dashboard session); null when not kept. */
      url: z.string().nullable(),
      /** Why it was not kept (over EMAIL_MAX_ATTACHMENT_BYTES). */
      note: z.string().nullable(),
    }),
  ),
  /** Recorded but never answered, and why: an auto-reply, a bounce, the agent's own address, the hourly limit. */
  notAnswered: z.string().nullable(),
  /** The full original (headers and quoted text) is at GET /calls/{id}/messages/{sid}/original. */
  hasOriginal: z.boolean(),
});
export type EmailEnvelope = z.infer<typeof emailEnvelopeSchema>;

/** The reference's message plus who wrote a staff message and whether the customer can see it. */
export const messageSchema = referenceMessageSchema.extend({
  /** Who wrote a staff message. */
  senderName: z.string().nullable(),
  /** Shown to staff only, never to the customer: tool calls and notes. */
  internal: z.boolean(),
  /** The provider's id for the message (Twilio's MessageSid, an e-mail's Message-ID); null on the simulator. */
  externalId: z.string().nullable(),
  /** Why the provider could not deliver it, with the provider's error code. */
  error: z.string().nullable(),
  /** E-mail only: subject, addresses, threading ids and attachments; null on other channels. */
  email: emailEnvelopeSchema.nullable(),
});
export type Message = z.infer<typeof messageSchema>;

/** One entry of a call's status history; also the `status` event of the live stream. */
export const statusChangeSchema = z.object({
  status: statusSchema,
  previousStatus: statusSchema.nullable(),
  at: z.string(),
  actor: z.string(),
  reason: z.string().nullable(),
});

export const effectiveAgentSchema = z.object({
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  imageURL: z.string().nullable(),
  language: z.string(),
  voiceId: z.string(),
  voiceSpeed: z.number(),
  voiceStability: z.number(),
  initialMessage: z.string(),
  prompt: z.string(),
  routingConditions: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type EffectiveAgent = z.infer<typeof effectiveAgentSchema>;

/**
 * The reference response's fields, always present, typed as the reference types them: a client written
 * against the reference never meets null where it expects a string, except where a value cannot exist
 * yet (transcription, recordingUrl) or was never given (the contact fields).
 */
export const referenceCallSchema = z.object({
  id: z.string(),
  status: statusSchema,
  agentPhone: z.string().nullable(),
  agentEmail: z.string().nullable(),
  customerPhone: z.string().nullable(),
  customerEmail: z.string().nullable(),
  agentId: z.string(),
  customerId: z.string(),
  skillId: z.string(),
  customerName: z.string(),
  transcription: z.string().nullable(),
  recordingUrl: z.string().nullable(),
  messages: z.array(referenceMessageSchema),
  /** Whole seconds as a string, "0" until the interaction starts. */
  duration: z.string().regex(/^\d+$/),
});

/** The call object: the reference's fields plus Callboard's extras. */
export const callSchema = referenceCallSchema.extend({
  messages: z.array(messageSchema),
  channel: channelSchema,
  note: z.string().nullable(),
  simulated: z.boolean(),
  /** Which transport carries it: simulator, webchat, twilio, email. */
  provider: z.string(),
  /** The provider's id for the interaction (Twilio's CallSid); null where there is none. */
  externalId: z.string().nullable(),
  initialMessage: z.string(),
  prompt: z.string(),
  /** E-mail: the thread's subject. */
  subject: z.string().nullable(),
  unresolvedVariables: z.array(z.string()),
  customFields: z.array(customFieldSchema),
  agent: effectiveAgentSchema,
  endReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  statusHistory: z.array(statusChangeSchema),
  direction: z.enum(["inbound", "outbound"]),
  /** Who writes the agent's turns: the scripted brain or a language model. */
  brain: z.enum(["scripted", "llm"]),
  /** The agent handed off (or failed): a person should step in. */
  needsPerson: z.boolean(),
  handoffReason: z.string().nullable(),
  /** The staff member writing instead of the brain. */
  takenOverBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  usage: z.object({ promptTokens: z.number().int(), completionTokens: z.number().int(), totalTokens: z.number().int() }),
  /**
   * What the interaction cost: the model's tokens × LLM_PRICE_PER_1K_INPUT/_OUTPUT, plus the provider's
   * price (Twilio's, fetched after the end once Twilio has rated it); 0 when simulated.
   */
  cost: z.object({
    total: z.number(),
    currency: z.string(),
    /** The model's share: prompt and completion tokens times their prices. */
    model: z.number(),
    /** The provider's price (Twilio's, for the call or its messages); null until Twilio has reported it. */
    provider: z.number().nullable(),
    simulated: z.boolean(),
    /** What the figure leaves out, or why it is 0. */
    note: z.string().nullable(),
  }),
  /** The post-call analysis: null while the interaction is live; pending, then done or failed, once it ended. */
  analysis: analysisSchema.nullable(),
  links: z.object({
    self: z.string(),
    recording: z.string().nullable(),
    /** Outbound web chat: the signed, expiring page where the customer chats with the agent. */
    chat: z.string().nullable(),
  }),
});
export type Call = z.infer<typeof callSchema>;
