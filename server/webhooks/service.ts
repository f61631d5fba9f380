// Webhook endpoint use cases: register (the secret is shown once), list, read, change, delete,
// rotate the secret, read the delivery log, replay a delivery and send a test event. Staff reach the
// endpoints they registered, admins (and the bootstrap credential) every one; someone else's endpoint
// is "not found", as it is absent from their list (server/staff/ownership.ts).
import { env } from "@/lib/env";
import { ApiError, fieldError, notFound } from "@/lib/errors";
import { toIso, toIsoOrNull } from "@/lib/time";
import { wakeWorker } from "@/server/engine/signal";
import { type Actor, canManage, ownerColumns, toCreator, visibleTo } from "@/server/staff/ownership";
import { retryUntilFrom } from "./retry";
import * as q from "./queries";
import {
  type CreateWebhookInput,
  type DeliveryDto,
  EVENT_TYPES,
  type EventType,
  type ListDeliveriesQuery,
  type ListWebhooksQuery,
  type UpdateWebhookInput,
  type WebhookDto,
} from "./schema";
import { generateWebhookSecret } from "./signing";
import { webhookUrlProblem } from "./ssrf";

export function toWebhook(row: q.EndpointRow): WebhookDto {
  return {
    id: row.id,
    url: row.url,
    events: row.events === null ? [...EVENT_TYPES] : (JSON.parse(row.events) as EventType[]),
    description: row.description,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    createdBy: toCreator(row),
  };
}

export function toDelivery(row: q.DeliveryRow): DeliveryDto {
  return {
    id: row.id,
    webhookId: row.endpointId,
    eventId: row.eventId,
    eventType: row.eventType,
    state: row.state as DeliveryDto["state"],
    nextAttemptAt: row.state === "pending" ? toIsoOrNull(row.nextAttemptAt) : null,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    attempts: row.attemptLogs.map((a) => ({
      at: toIso(a.attemptedAt),
      status: a.status,
      durationMs: a.durationMs,
      error: a.error,
    })),
  };
}

async function checkUrl(url: string) {
  const problem = await webhookUrlProblem(url);
  if (problem) throw fieldError("url", problem);
}

async function loadEndpoint(actor: Actor, id: string) {
  const row = await q.findEndpoint(id);
  if (!row || !canManage(actor, row.createdById)) throw notFound("Webhook");
  return row;
}

export async function createWebhook(actor: Actor, input: CreateWebhookInput) {
  await checkUrl(input.url);
  const secret = generateWebhookSecret();
  const max = env.WEBHOOK_MAX_ENDPOINTS;
  const row = await q.createEndpointWithin(max, {
    url: input.url,
    description: input.description ?? "",
    events: input.events ? JSON.stringify(input.events) : null,
    secret,
    ...ownerColumns(actor),
  });
  if (!row) {
    throw new ApiError(
      "conflict",
      `Callboard already has ${max} webhook endpoints, the most it allows. Delete one you no longer use, ` +
        "or have the operator raise WEBHOOK_MAX_ENDPOINTS and restart.",
    );
  }
  return { ...toWebhook(row), secret };
}

export async function listWebhooks(actor: Actor, query: ListWebhooksQuery) {
  const { rows, total } = await q.listEndpoints(query, visibleTo(actor));
  return { items: rows.map(toWebhook), total };
}

export async function getWebhook(actor: Actor, id: string) {
  return toWebhook(await loadEndpoint(actor, id));
}

export async function updateWebhook(actor: Actor, id: string, input: UpdateWebhookInput) {
  await loadEndpoint(actor, id);
  if (input.url) await checkUrl(input.url);
  const row = await q.updateEndpoint(id, {
    ...(input.url && { url: input.url }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.events !== undefined && { events: input.events === null ? null : JSON.stringify(input.events) }),
    ...(input.enabled !== undefined && { enabled: input.enabled }),
    ...(input.enabled && { disabledReason: null }),
  });
  if (input.enabled) wakeWorker();
  return toWebhook(row);
}

export async function deleteWebhook(actor: Actor, id: string) {
  await loadEndpoint(actor, id);
  const { count } = await q.deleteEndpoint(id);
  if (count === 0) throw notFound("Webhook");
}

/** A new secret takes effect for the next attempt; the old one stops working at once. */
export async function rotateWebhookSecret(actor: Actor, id: string) {
  await loadEndpoint(actor, id);
  const secret = generateWebhookSecret();
  return { ...toWebhook(await q.updateEndpoint(id, { secret })), secret };
}

export async function listWebhookDeliveries(actor: Actor, id: string, query: ListDeliveriesQuery) {
  await loadEndpoint(actor, id);
  const { rows, total } = await q.listDeliveries(id, query);
  return { items: rows.map(toDelivery), total };
}

function requireEnabled(endpoint: q.EndpointRow) {
  if (!endpoint.enabled) {
    throw new ApiError(
      "conflict",
      `This webhook is disabled${endpoint.disabledReason ? ` (${endpoint.disabledReason})` : ""}. Enable it with PUT {"enabled": true} first.`,
    );
  }
}

/** Sends the delivery again (same webhook-id, a new attempt in its log), with a fresh retry window. */
export async function replayDelivery(actor: Actor, id: string, deliveryId: string) {
  requireEnabled(await loadEndpoint(actor, id));
  if (!(await q.findDelivery(id, deliveryId))) throw notFound("Delivery");
  const { count } = await q.requeueDelivery(id, deliveryId, retryUntilFrom(new Date()));
  if (count === 0) throw new ApiError("conflict", "An attempt of this delivery is being sent right now. Try again in a moment.");
  wakeWorker();
  return toDelivery((await q.findDelivery(id, deliveryId)) as q.DeliveryRow);
}

export async function sendTestEvent(actor: Actor, id: string) {
  const endpoint = await loadEndpoint(actor, id);
  requireEnabled(endpoint);
  const payload = { webhookId: id, message: "This is a test event from Callboard." };
  const row = await q.createTestDelivery(id, payload, retryUntilFrom(new Date()));
  wakeWorker();
  return toDelivery(row);
}
