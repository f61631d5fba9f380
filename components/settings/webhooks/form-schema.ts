// The endpoint form's values are what its inputs hold; these schemas turn them into the API's body and
// validate that with the API's own createWebhookSchema / updateWebhookSchema, so the form shows the
// server's messages on the same field names.
import { z } from "zod";
import { createWebhookSchema, EVENT_TYPES, updateWebhookSchema, type WebhookDto } from "@/server/webhooks/schema";

export const webhookFormFields = ["url", "description", "events"] as const;
export type WebhookFormValues = { url: string; description: string; events: string[] };

const formValuesSchema = z.object({ url: z.string(), description: z.string(), events: z.array(z.string()) });

/** No box ticked means every event: left out on create, null (back to all) on edit. */
// Typed as the widest body (update's) because a zod pipe wants its source to cover the next schema's input.
function toBody(v: WebhookFormValues, editing: boolean): z.input<typeof updateWebhookSchema> {
  const events = v.events.length > 0 ? (v.events as z.input<typeof createWebhookSchema>["events"]) : editing ? null : undefined;
  return { url: v.url.trim(), description: v.description, events };
}

export const createWebhookFormSchema = formValuesSchema.transform((v) => toBody(v, false)).pipe(createWebhookSchema);
export const updateWebhookFormSchema = formValuesSchema.transform((v) => toBody(v, true)).pipe(updateWebhookSchema);

/** An endpoint on every event shows with no box ticked, as it was most likely created. */
export function webhookFormDefaults(webhook?: WebhookDto): WebhookFormValues {
  const all = !webhook || webhook.events.length === EVENT_TYPES.length;
  return { url: webhook?.url ?? "", description: webhook?.description ?? "", events: all ? [] : [...webhook.events] };
}
