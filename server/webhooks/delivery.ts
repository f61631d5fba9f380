// The webhook pipeline after the outbox: fan each new event out to the matching endpoints as
// WebhookDelivery rows, lease due deliveries, send one attempt each and record it with the next
// retry. Every write that decides something is a conditional update, so instances sharing a
// Postgres database never fan out an event twice nor send the same attempt twice.
import { randomBytes } from "node:crypto";
import { isDatabaseUnavailable } from "@/lib/db-faults";
import { env } from "@/lib/env";
import { findCall } from "@/server/calls/queries";
import { toCall } from "@/server/calls/serialize";
import {
  deleteFinishedDeliveries,
  deleteUnreceivedEvents,
  dispatchEvents,
  failExpiredDeliveriesOfDisabledEndpoints,
  findDeliveryToSend,
  findEnabledEndpoints,
  findUndispatchedEventIds,
  leaseDueDeliveries,
  recordAttempt,
} from "./queries";
import { retryDelayMs, retryUntilFrom } from "./retry";
import { postWebhook } from "./send";
import { webhookHeaders } from "./signing";

/** The most events fanned out in one transaction. */
const FAN_OUT_BATCH = 100;
/** The most deliveries written in one transaction: with many endpoints, fewer events per chunk. */
const DELIVERIES_PER_CHUNK = 500;
/**
 * A hung endpoint holds at most this many of the worker's sending slots (until each attempt times out),
 * however much is queued for it, so it cannot hold up deliveries to the others.
 */
const IN_FLIGHT_PER_ENDPOINT = 2;
/** A lease outlives the longest attempt, so a live sender never loses its delivery mid-send. */
const leaseMs = () => env.WEBHOOK_TIMEOUT_MS + 30_000;

function subscribes(endpoint: { events: string | null }, type: string) {
  return endpoint.events === null || (JSON.parse(endpoint.events) as string[]).includes(type);
}

/** How many events one fan-out chunk takes, so that it writes at most DELIVERIES_PER_CHUNK deliveries. */
function eventsPerChunk(endpoints: number) {
  return Math.max(1, Math.min(FAN_OUT_BATCH, Math.floor(DELIVERIES_PER_CHUNK / Math.max(1, endpoints))));
}

/** Turns one chunk of undispatched outbox events into deliveries. Returns false once none are left. */
export async function fanOutEvents(): Promise<boolean> {
  const endpoints = await findEnabledEndpoints();
  const take = eventsPerChunk(endpoints.length);
  const events = await findUndispatchedEventIds(take);
  if (events.length === 0) return false;
  const now = new Date();
  await dispatchEvents(
    events.map((e) => e.id),
    now,
    // Test events (endpointId set) already have their one delivery.
    (claimed) =>
      claimed
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
        ),
  );
  return events.length === take;
}

/** `leaseEndsAt`: when another attempt may take the delivery over (epoch ms, as this process counts it). */
export type ClaimedDelivery = { id: string; attempts: number; lease: string; leaseEndsAt: number };

/** Leases up to `limit` due deliveries, round-robin between endpoints, IN_FLIGHT_PER_ENDPOINT at most each. */
export async function claimDueDeliveries(workerId: string, limit: number): Promise<ClaimedDelivery[]> {
  if (limit <= 0) return [];
  const lease = `${workerId}:${randomBytes(6).toString("hex")}`;
  const leaseEndsAt = Date.now() + leaseMs();
  const mine = await leaseDueDeliveries(lease, leaseMs(), IN_FLIGHT_PER_ENDPOINT, limit);
  return mine.map((d) => ({ ...d, lease, leaseEndsAt }));
}

/** The signed request body: the `{type, timestamp, data}` envelope. call.ended and call.analyzed are built from the call now. */
async function envelopeOf(event: { type: string; callId: string | null; payload: string | null; createdAt: Date }) {
  let data: unknown = event.payload === null ? null : JSON.parse(event.payload);
  if ((event.type === "call.ended" || event.type === "call.analyzed") && event.callId) {
    const row = await findCall(event.callId);
    if (!row) throw new Error(`The call ${event.callId} no longer exists.`);
    data = await toCall(row);
  }
  return JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data });
}

/** Sends one attempt of a leased delivery and records it; the lease guards every write. */
export async function attemptDelivery(claimed: ClaimedDelivery): Promise<void> {
  const delivery = await findDeliveryToSend(claimed.id);
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
  await recordWhileLeased(claimed, () =>
    recordAttempt(
      { id: claimed.id, lease: claimed.lease, endpointId: delivery.endpointId },
      { state, attempts, nextAttemptAt: retryAt },
      { attemptedAt, status: result.status, durationMs: result.durationMs, error: result.error?.slice(0, 1000) ?? null },
      gone ? { reason: `The endpoint answered 410 Gone on ${new Date().toISOString()}.` } : undefined,
    ),
  );
}

/**
 * The endpoint has its webhook; only the result could not be written, because the database went away.
 * Writing it once the database is back, while the lease still holds, keeps a short outage from sending the
 * same webhook twice. Past the lease the error goes up, and the delivery is tried again (at least once).
 */
async function recordWhileLeased(claimed: ClaimedDelivery, record: () => Promise<void>) {
  for (let waitMs = 250; ; waitMs = Math.min(waitMs * 2, 4000)) {
    try {
      await record();
      return;
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() + waitMs > claimed.leaseEndsAt - 2000) throw error;
      await new Promise((r) => setTimeout(r, waitMs));
    }
  }
}

/**
 * Keeps the log bounded: finished deliveries go after 30 days, fanned-out events nobody received after
 * a day. A disabled endpoint's pending deliveries end when their retry window passes, and then go too.
 */
export async function pruneWebhookLog(now = new Date()) {
  await failExpiredDeliveriesOfDisabledEndpoints(now);
  await deleteFinishedDeliveries(new Date(now.getTime() - 30 * 86_400_000));
  await deleteUnreceivedEvents(new Date(now.getTime() - 86_400_000));
}
