// Prisma access for webhook endpoints and their delivery log, and for the delivery worker (delivery.ts).
import { db, lockInTx, TX_LOCKS, type Tx } from "@/lib/db";
import { withWriteLock, writeTx } from "@/lib/sql";
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

/** Creates the endpoint unless `max` exist already (then null). Creations take turns, so racing ones cannot pass the cap. */
export function createEndpointWithin(
  max: number,
  data: {
    url: string;
    description: string;
    events: string | null;
    secret: string;
    createdById?: string;
    createdByName?: string;
    createdByEmail?: string;
  },
) {
  return writeTx(async (tx) => {
    await lockInTx(tx, TX_LOCKS.webhookEndpoints);
    if ((await tx.webhookEndpoint.count()) >= max) return null;
    return tx.webhookEndpoint.create({ data, select: endpointSelect });
  });
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
  return writeTx(async (tx) => {
    const event = await tx.outboxEvent.create({
      data: { type: TEST_EVENT, endpointId, payload: JSON.stringify(payload), createdAt: now, dispatchedAt: now },
    });
    return tx.webhookDelivery.create({
      data: { endpointId, eventId: event.id, eventType: event.type, nextAttemptAt: now, retryUntil },
      select: deliverySelect,
    });
  });
}

// The delivery worker's queries.

const unleased = (now: Date) => ({ OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] });

export const findEnabledEndpoints = () =>
  db.webhookEndpoint.findMany({ where: { enabled: true }, select: { id: true, events: true } });

export const findUndispatchedEventIds = (take: number) =>
  db.outboxEvent.findMany({
    where: { dispatchedAt: null },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take,
  });

type ClaimedEvent = { id: string; type: string; endpointId: string | null };
type NewDelivery = { endpointId: string; eventId: string; eventType: string; nextAttemptAt: Date; retryUntil: Date };

/**
 * Marks the events dispatched and writes their deliveries in one transaction. One conditional update
 * claims them; RETURNING names exactly the rows this instance claimed (a concurrent instance's
 * identical update waits, then matches nothing), and only those get deliveries.
 */
export function dispatchEvents(ids: string[], now: Date, deliveriesOf: (claimed: ClaimedEvent[]) => NewDelivery[]) {
  return writeTx(async (tx) => {
    const claimed = await tx.outboxEvent.updateManyAndReturn({
      where: { id: { in: ids }, dispatchedAt: null },
      data: { dispatchedAt: now },
      select: { id: true, type: true, endpointId: true },
    });
    const deliveries = deliveriesOf(claimed);
    if (deliveries.length) await tx.webhookDelivery.createMany({ data: deliveries });
  });
}

/**
 * The ids of up to `limit` due deliveries of enabled endpoints, taken round-robin (every endpoint's
 * oldest due delivery, then every endpoint's second…) and never more than `perEndpoint` in flight for
 * one endpoint, counting the unexpired leases of every instance. A leased delivery was due when it was
 * leased, so both halves read the same due range of the (state, nextAttemptAt) index.
 */
async function findDueDeliveryIds(client: Pick<Tx, "$queryRaw">, now: Date, perEndpoint: number, limit: number) {
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT due.id FROM (
      SELECT d.id, d."endpointId", d."nextAttemptAt",
             ROW_NUMBER() OVER (PARTITION BY d."endpointId" ORDER BY d."nextAttemptAt", d.id) AS turn
        FROM "WebhookDelivery" d JOIN "WebhookEndpoint" e ON e.id = d."endpointId"
       WHERE d.state = 'pending' AND d."nextAttemptAt" <= ${now} AND e.enabled = ${true}
         AND (d."lockedUntil" IS NULL OR d."lockedUntil" < ${now})
    ) due
    LEFT JOIN (
      SELECT "endpointId", COUNT(*) AS n FROM "WebhookDelivery"
       WHERE state = 'pending' AND "nextAttemptAt" <= ${now} AND "lockedUntil" >= ${now}
       GROUP BY "endpointId"
    ) busy ON busy."endpointId" = due."endpointId"
     WHERE due.turn + COALESCE(busy.n, 0) <= ${perEndpoint}
     ORDER BY due.turn, due."nextAttemptAt", due.id
     LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/**
 * Leases due deliveries (see findDueDeliveryIds) with one conditional update stamped with `lease`; the
 * rows carrying it are ours. Claims take turns (across instances on Postgres, through an advisory
 * lock), so each one counts the leases the one before it took. The first look takes no lock, so an
 * idle tick costs one query.
 */
export async function leaseDueDeliveries(lease: string, leaseMs: number, perEndpoint: number, limit: number) {
  const now = new Date();
  if ((await findDueDeliveryIds(db, now, perEndpoint, 1)).length === 0) return [];
  return writeTx(async (tx) => {
    await lockInTx(tx, TX_LOCKS.webhookClaims);
    const ids = await findDueDeliveryIds(tx, now, perEndpoint, limit);
    if (ids.length === 0) return [];
    await tx.webhookDelivery.updateMany({
      where: { id: { in: ids }, state: "pending", ...unleased(now) },
      data: { lockedBy: lease, lockedUntil: new Date(Date.now() + leaseMs) },
    });
    return tx.webhookDelivery.findMany({ where: { lockedBy: lease }, select: { id: true, attempts: true } });
  });
}

export const findDeliveryToSend = (id: string) =>
  db.webhookDelivery.findUnique({
    where: { id },
    select: {
      endpointId: true,
      retryUntil: true,
      endpoint: { select: { url: true, secret: true } },
      event: { select: { id: true, type: true, callId: true, payload: true, createdAt: true } },
    },
  });

/**
 * Records one attempt and the delivery's next state, guarded by the lease: if it expired and another
 * instance owns the delivery now, nothing is written. `disable` turns the endpoint off (410 Gone).
 */
export function recordAttempt(
  delivery: { id: string; lease: string; endpointId: string },
  next: { state: string; attempts: number; nextAttemptAt: Date },
  attempt: { attemptedAt: Date; status: number | null; durationMs: number; error: string | null },
  disable?: { reason: string },
) {
  return writeTx(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: delivery.id, lockedBy: delivery.lease },
      data: { ...next, lockedBy: null, lockedUntil: null },
    });
    if (count !== 1) return;
    await tx.webhookAttempt.create({ data: { deliveryId: delivery.id, ...attempt } });
    if (disable) {
      await tx.webhookEndpoint.update({
        where: { id: delivery.endpointId },
        data: { enabled: false, disabledReason: disable.reason },
      });
    }
  });
}

/**
 * Ends the pending deliveries of disabled endpoints whose retry window has passed, as the worker ends
 * an enabled endpoint's after its last attempt, so they are pruned like any other.
 */
export function failExpiredDeliveriesOfDisabledEndpoints(now: Date) {
  return withWriteLock(() =>
    db.webhookDelivery.updateMany({
      where: { state: "pending", retryUntil: { lt: now }, endpoint: { enabled: false }, ...unleased(now) },
      data: { state: "failed", lockedBy: null, lockedUntil: null },
    }),
  );
}

export function deleteFinishedDeliveries(updatedBefore: Date) {
  return withWriteLock(() =>
    db.webhookDelivery.deleteMany({ where: { state: { not: "pending" }, updatedAt: { lt: updatedBefore } } }),
  );
}

export function deleteUnreceivedEvents(dispatchedBefore: Date) {
  return withWriteLock(() =>
    db.outboxEvent.deleteMany({ where: { dispatchedAt: { lt: dispatchedBefore }, deliveries: { none: {} } } }),
  );
}

/** On SQLite only one instance runs, so leases left by a killed process can be released at start. */
/** The deliveries one webhook worker holds, due again at once for any instance (graceful shutdown). */
export function releaseDeliveryLeasesOf(workerId: string) {
  return withWriteLock(() =>
    db.webhookDelivery.updateMany({
      where: { state: "pending", lockedBy: workerId },
      data: { lockedBy: null, lockedUntil: null },
    }),
  );
}

export function releaseDeliveryLeases() {
  return db.webhookDelivery.updateMany({
    where: { state: "pending", lockedBy: { not: null } },
    data: { lockedBy: null, lockedUntil: null },
  });
}
