// The webhook pipeline after the outbox: fan each new event out to the matching endpoints as
// WebhookDelivery rows, lease due deliveries, send one attempt each and record it with the next
// retry. Every write that decides something is a conditional update, so instances sharing a
// Postgres database never fan out an event twice nor send the same attempt twice.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { withWriteLock } from "@/lib/sql";
import { findCall } from "@/server/calls/queries";
import { toCall } from "@/server/calls/serialize";
import { retryDelayMs, retryUntilFrom } from "./retry";
import { postWebhook } from "./send";
import { webhookHeaders } from "./signing";

export const FAN_OUT_BATCH = 100;
/** A lease outlives the longest attempt, so a live sender never loses its delivery mid-send. */
const leaseMs = () => env.WEBHOOK_TIMEOUT_MS + 30_000;

function subscribes(endpoint: { events: string | null }, type: string) {
  return endpoint.events === null || (JSON.parse(endpoint.events) as string[]).includes(type);
}

/** Turns undispatched outbox events into deliveries. Returns how many events it handled. */
export async function fanOutEvents(): Promise<number> {
  const events = await db.outboxEvent.findMany({
    where: { dispatchedAt: null },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: FAN_OUT_BATCH,
  });
  if (events.length === 0) return 0;
  const endpoints = await db.webhookEndpoint.findMany({ where: { enabled: true }, select: { id: true, events: true } });
  const now = new Date();
  await withWriteLock(() =>
    db.$transaction(async (tx) => {
      // One conditional update claims the batch; RETURNING names exactly the rows this instance
      // claimed (a concurrent instance's identical update waits, then matches nothing).
      const claimed = await tx.outboxEvent.updateManyAndReturn({
        where: { id: { in: events.map((e) => e.id) }, dispatchedAt: null },
        data: { dispatchedAt: now },
        select: { id: true, type: true, endpointId: true },
      });
      // Test events (endpointId set) already have their one delivery.
      const deliveries = claimed
        .filter((event) => !event.endpointId)
        .flatMap((event) =>
          endpoints
            .filter((e) => subscribes(e, event.type))
            .map((e) => ({
              endpointId: e.id,
              eventId: event.id,
              eventType: event.type,
              nextAttemptAt: now,
              retryUntil: retryUntilFrom(now),
            })),
        );
      if (deliveries.length) await tx.webhookDelivery.createMany({ data: deliveries });
    }),
  );
  return events.length;
}

export type ClaimedDelivery = { id: string; attempts: number; lease: string };

/**
 * Leases up to `limit` due deliveries of enabled endpoints with one conditional update stamped with
 * a fresh lease token; the rows carrying the token are ours.
 */
export async function claimDueDeliveries(workerId: string, limit: number): Promise<ClaimedDelivery[]> {
  if (limit <= 0) return [];
  const now = new Date();
  const free = { OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] };
  const due = await db.webhookDelivery.findMany({
    where: { state: "pending", nextAttemptAt: { lte: now }, endpoint: { enabled: true }, ...free },
    select: { id: true },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
  });
  if (due.length === 0) return [];
  const lease = `${workerId}:${randomBytes(6).toString("hex")}`;
  await withWriteLock(() =>
    db.webhookDelivery.updateMany({
      where: { id: { in: due.map((d) => d.id) }, state: "pending", ...free },
      data: { lockedBy: lease, lockedUntil: new Date(Date.now() + leaseMs()) },
    }),
  );
  const mine = await db.webhookDelivery.findMany({ where: { lockedBy: lease }, select: { id: true, attempts: true } });
  return mine.map((d) => ({ ...d, lease }));
}

/** The signed request body: the `{type, timestamp, data}` envelope. call.ended is built from the final call now. */
async function envelopeOf(event: { type: string; callId: string | null; payload: string | null; createdAt: Date }) {
  let data: unknown = event.payload === null ? null : JSON.parse(event.payload);
  if (event.type === "call.ended" && event.callId) {
    const row = await findCall(event.callId);
    if (!row) throw new Error(`The call ${event.callId} no longer exists.`);
    data = await toCall(row);
  }
  return JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data });
}

/** Sends one attempt of a leased delivery and records it; the lease guards every write. */
export async function attemptDelivery(claimed: ClaimedDelivery): Promise<void> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: claimed.id },
    select: {
      endpointId: true,
      retryUntil: true,
      endpoint: { select: { url: true, secret: true } },
      event: { select: { id: true, type: true, callId: true, payload: true, createdAt: true } },
    },
  });
  if (!delivery) return;
  const attemptedAt = new Date();
  let result: Awaited<ReturnType<typeof postWebhook>>;
  try {
    const body = await envelopeOf(delivery.event);
    const headers = webhookHeaders(delivery.endpoint.secret, delivery.event.id, Math.floor(Date.now() / 1000), body);
    result = await postWebhook(delivery.endpoint.url, headers, body);
  } catch (error) {
    result = { ok: false, status: null, durationMs: 0, error: error instanceof Error ? error.message : String(error) };
  }
  const attempts = claimed.attempts + 1;
  const gone = result.status === 410;
  const retryAt = new Date(Date.now() + retryDelayMs(attempts));
  const state = result.ok ? "succeeded" : gone || retryAt > delivery.retryUntil ? "failed" : "pending";
  await withWriteLock(() =>
    db.$transaction(async (tx) => {
      const { count } = await tx.webhookDelivery.updateMany({
        where: { id: claimed.id, lockedBy: claimed.lease },
        data: { state, attempts, nextAttemptAt: retryAt, lockedBy: null, lockedUntil: null },
      });
      if (count !== 1) return; // the lease expired and another instance owns the delivery now
      await tx.webhookAttempt.create({
        data: {
          deliveryId: claimed.id,
          attemptedAt,
          status: result.status,
          durationMs: result.durationMs,
          error: result.error?.slice(0, 1000) ?? null,
        },
      });
      if (gone) {
        await tx.webhookEndpoint.update({
          where: { id: delivery.endpointId },
          data: { enabled: false, disabledReason: `The endpoint answered 410 Gone on ${new Date().toISOString()}.` },
        });
      }
    }),
  );
}

/** Keeps the log bounded: finished deliveries after 30 days, fanned-out events nobody received after a day. */
export async function pruneWebhookLog(now = new Date()) {
  await withWriteLock(() =>
    db.webhookDelivery.deleteMany({
      where: { state: { not: "pending" }, updatedAt: { lt: new Date(now.getTime() - 30 * 86_400_000) } },
    }),
  );
  await withWriteLock(() =>
    db.outboxEvent.deleteMany({
      where: { dispatchedAt: { lt: new Date(now.getTime() - 86_400_000) }, deliveries: { none: {} } },
    }),
  );
}

/** On SQLite only one instance runs, so leases left by a killed process can be released at start. */
export function releaseDeliveryLeases() {
  return db.webhookDelivery.updateMany({
    where: { state: "pending", lockedBy: { not: null } },
    data: { lockedBy: null, lockedUntil: null },
  });
}
