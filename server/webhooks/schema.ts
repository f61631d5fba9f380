// Webhook endpoints and their delivery log: inputs (one schema each) and the response shapes.
import { z } from "zod";
import { httpUrl, line, pagingQuery, uuid } from "@/lib/validation";
import { batchSchema } from "@/server/batches/schema";
import { callSchema, messageSchema } from "@/server/calls/schema";
import { statusSchema } from "@/server/calls/status";
import { creatorSchema } from "@/server/staff/schema";

/** The events an endpoint can subscribe to. An endpoint without `events` receives all of them. */
export const EVENT_TYPES = [
  "call.created",
  "call.status_changed",
  "call.message",
  "call.ended",
  "call.analyzed",
  "batch.progress",
  "batch.completed",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
/** Sent only by POST /webhooks/{id}/test, to that endpoint, whatever it subscribes to. */
export const TEST_EVENT = "webhook.test" as const;

const eventsField = z
  .array(z.enum(EVENT_TYPES, { message: `Each event must be one of ${EVENT_TYPES.join(", ")}.` }))
  .min(1, "List at least one event, or leave events out to receive all of them.")
  .max(EVENT_TYPES.length * 2, "List each event once.")
  .transform((list) => [...new Set(list)]);

export const createWebhookSchema = z.strictObject({
  url: httpUrl("url"),
  events: eventsField.optional(),
  description: line(500, "description").optional(),
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const updateWebhookSchema = z
  .strictObject({
    url: httpUrl("url").optional(),
    /** null subscribes the endpoint to every event again. */
    events: eventsField.nullable().optional(),
    description: line(500, "description").optional(),
    /** true re-enables an endpoint that was disabled (for example after a 410 Gone). */
    enabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "Send at least one field to change." });
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;

export const deliveryParamsSchema = z.object({
  id: uuid("The webhook id in the path"),
  deliveryId: uuid("The delivery id in the path"),
});

export const DELIVERY_STATES = ["pending", "succeeded", "failed"] as const;

export const listWebhooksQuerySchema = z.strictObject({ ...pagingQuery });
export type ListWebhooksQuery = z.infer<typeof listWebhooksQuerySchema>;

export const listDeliveriesQuerySchema = z.strictObject({
  state: z.enum(DELIVERY_STATES, { message: `state must be one of ${DELIVERY_STATES.join(", ")}.` }).optional(),
  ...pagingQuery,
});
export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuerySchema>;

export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(EVENT_TYPES)),
  description: z.string(),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: creatorSchema,
});
export type WebhookDto = z.infer<typeof webhookSchema>;

/** Only the create and rotate-secret responses carry the secret. */
export const webhookWithSecretSchema = webhookSchema.extend({ secret: z.string().startsWith("whsec_") });

export const deliveryAttemptSchema = z.object({
  at: z.string(),
  status: z.number().int().nullable(),
  durationMs: z.number().int(),
  error: z.string().nullable(),
});

export const deliverySchema = z.object({
  id: z.string(),
  webhookId: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  state: z.enum(DELIVERY_STATES),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  attempts: z.array(deliveryAttemptSchema),
});
export type DeliveryDto = z.infer<typeof deliverySchema>;

// The signed bodies Callboard POSTs to an endpoint: `{type, timestamp, data}`, one shape per event type.
const eventEnvelope = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.object({ type: z.literal(type), timestamp: z.string(), data });

export const callCreatedEventSchema = eventEnvelope("call.created", callSchema);
export const callStatusChangedEventSchema = eventEnvelope(
  "call.status_changed",
  z.object({
    callId: z.string(),
    status: statusSchema,
    previousStatus: statusSchema,
    actor: z.string(),
    reason: z.string().nullable(),
    at: z.string(),
  }),
);
export const callMessageEventSchema = eventEnvelope("call.message", z.object({ callId: z.string(), message: messageSchema }));
/** Built from the final call when it is sent, so it equals GET /calls/{id} of the ended interaction. */
export const callEndedEventSchema = eventEnvelope("call.ended", callSchema);
/** Sent once the post-call analysis is written (done or failed): the whole call, `analysis` filled in. */
export const callAnalyzedEventSchema = eventEnvelope("call.analyzed", callSchema);
/** A batch's counts, progress and ETA as GET /batches/{id} answers: at most once a second per batch while it runs. */
export const batchProgressEventSchema = eventEnvelope("batch.progress", batchSchema);
/** Once, when a batch's last task has finished. */
export const batchCompletedEventSchema = eventEnvelope("batch.completed", batchSchema);
export const webhookTestEventSchema = eventEnvelope(TEST_EVENT, z.object({ webhookId: z.string(), message: z.string() }));

export const webhookEventSchemas = {
  "call.created": callCreatedEventSchema,
  "call.status_changed": callStatusChangedEventSchema,
  "call.message": callMessageEventSchema,
  "call.ended": callEndedEventSchema,
  "call.analyzed": callAnalyzedEventSchema,
  "batch.progress": batchProgressEventSchema,
  "batch.completed": batchCompletedEventSchema,
  [TEST_EVENT]: webhookTestEventSchema,
} as const;
