// Prisma access for webhook endpoints and their delivery log.
import { db, type Tx } from "@/lib/db";
import { withWriteLock } from "@/lib/sql";
import { pageArgs } from "@/lib/validation";
import { ownerSelect } from "@/server/staff/ownership";
import { type ListDeliveriesQuery, type ListWebhooksQuery, TEST_EVENT } from "./schema";

export const endpointSelect = {
  id: true,
  url: true,
  description: true,
  events: true,
  enabled: true,
  disabledReason: true,
  createdAt: true,
  updatedAt: true,
  ...ownerSelect,
} as const;

export type EndpointRow = NonNullable<Awaited<ReturnType<typeof findEndpoint>>>;

export const findEndpoint = (id: string) => db.webhookEndpoint.findUnique({ where: { id }, select: endpointSelect });

/** `where`: one owner's endpoints (`createdById`), or every endpoint (`{}`). */
export async function listEndpoints(q: ListWebhooksQuery, where: { createdById?: string }) {
  const [rows, total] = await Promise.all([
    db.webhookEndpoint.findMany({
      where,
      select: endpointSelect,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      ...pageArgs(q),
    }),
    db.webhookEndpoint.count({ where }),
  ]);
  return { rows, total };
}

export function createEndpoint(data: {
  url: string;
  description: string;
  events: string | null;
  secret: string;
  createdById?: string;
  createdByName?: string;
  createdByEmail?: string;
}) {
  return withWriteLock(() => db.webhookEndpoint.create({ data, select: endpointSelect }));
}

export function updateEndpoint(
  id: string,
  data: { url?: string; description?: string; events?: string | null; enabled?: boolean; disabledReason?: null; secret?: string },
) {
  return withWriteLock(() => db.webhookEndpoint.update({ where: { id }, data, select: endpointSelect }));
}

export function deleteEndpoint(id: string) {
  return withWriteLock(() => db.webhookEndpoint.deleteMany({ where: { id } }));
}

/**
 * Part of a person leaving (in the caller's transaction): their enabled endpoints stop receiving
 * customer data, with the reason shown, and all of them keep the owner's name as it is now.
 */
export async function disableEndpointsOwnedBy(tx: Tx, owner: { id: string; name: string; email: string }, reason: string) {
  await tx.webhookEndpoint.updateMany({
    where: { createdById: owner.id },
    data: { createdByName: owner.name, createdByEmail: owner.email },
  });
  await tx.webhookEndpoint.updateMany({
    where: { createdById: owner.id, enabled: true },
    data: { enabled: false, disabledReason: reason },
  });
}

export const deliverySelect = {
  id: true,
  endpointId: true,
  eventId: true,
  eventType: true,
  state: true,
  nextAttemptAt: true,
  createdAt: true,
  updatedAt: true,
  attemptLogs: {
    select: { attemptedAt: true, status: true, durationMs: true, error: true },
    orderBy: { attemptedAt: "asc" },
  },
} as const;

export type DeliveryRow = NonNullable<Awaited<ReturnType<typeof findDelivery>>>;

export const findDelivery = (endpointId: string, id: string) =>
  db.webhookDelivery.findFirst({ where: { id, endpointId }, select: deliverySelect });

export async function listDeliveries(endpointId: string, q: ListDeliveriesQuery) {
  const where = { endpointId, ...(q.state && { state: q.state }) };
  const [rows, total] = await Promise.all([
    db.webhookDelivery.findMany({
      where,
      select: deliverySelect,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      ...pageArgs(q),
    }),
    db.webhookDelivery.count({ where }),
  ]);
  return { rows, total };
}

/** Makes a delivery due now with a fresh retry window, unless an attempt is being sent right now. */
export function requeueDelivery(endpointId: string, id: string, retryUntil: Date) {
  const now = new Date();
  return withWriteLock(() =>
    db.webhookDelivery.updateMany({
      where: { id, endpointId, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: { state: "pending", nextAttemptAt: now, retryUntil, lockedBy: null, lockedUntil: null },
    }),
  );
}

/** A webhook.test event addressed to one endpoint, with its delivery, in one transaction. */
export function createTestDelivery(endpointId: string, payload: unknown, retryUntil: Date) {
  const now = new Date();
  return withWriteLock(() =>
    db.$transaction(async (tx) => {
      const event = await tx.outboxEvent.create({
        data: { type: TEST_EVENT, endpointId, payload: JSON.stringify(payload), createdAt: now, dispatchedAt: now },
      });
      return tx.webhookDelivery.create({
        data: { endpointId, eventId: event.id, eventType: event.type, nextAttemptAt: now, retryUntil },
        select: deliverySelect,
      });
    }),
  );
}
