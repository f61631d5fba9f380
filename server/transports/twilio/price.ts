// Twilio's own price for an interaction, for `cost` on the call object (server/calls/cost.ts). Twilio
// reports what it charged as `price` on the call resource and on each message resource, a negative
// string in the account's currency, and only once it has rated them, which takes seconds to minutes
// after the end. So the end of a Twilio interaction queues a `price` job (server/calls/after-end.ts),
// which fetches them, sums what was charged, and tries again later while anything billable is unrated.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { writeTx } from "@/lib/sql";
import { advanceJob, type JobRow, LostLease } from "@/server/engine/queries";
import { roundMoney } from "@/server/calls/cost";
import { publishCallEvent } from "@/server/events/bus";
import { isPermanent, twilioClient, twilioFailure } from "./client";

/** Fetches per job before what is known is kept for good (with the doubling wait, about 7 hours). */
export const PRICE_TRIES = 12;
const MAX_WAIT_MS = 3_600_000;

/** How long after try `step` (0-based) the next one runs. */
export const priceWait = (step: number) => Math.min(env.TWILIO_PRICE_POLL_MS * 2 ** step, MAX_WAIT_MS);

/** A Twilio message SID (SM…, MM…); voice turns and e-mails keep other ids in Message.externalId. */
const MESSAGE_SID = /^(SM|MM)[0-9a-f]{32}$/i;
/** Statuses Twilio never charges for: the price of such a resource stays null, and counts as 0. */
const UNCHARGED_CALL = new Set(["busy", "no-answer", "failed", "canceled"]);
const UNCHARGED_MESSAGE = new Set(["failed", "canceled"]);

export type Price = { amount: number; unit: string | null; unrated: number };

type Resource = { price: string | null; priceUnit: string | null; status: string };

/** What Twilio charged for these resources so far; `unrated` counts the billable ones it has not priced yet. */
export function sumPrices(resources: { resource: Resource; uncharged: Set<string> }[]): Price {
  let amount = 0;
  let unit: string | null = null;
  let unrated = 0;
  for (const { resource, uncharged } of resources) {
    if (resource.price === null || resource.price === "") {
      if (!uncharged.has(resource.status)) unrated++;
      continue;
    }
    // Twilio reports a charge as a negative amount ("-0.01300").
    amount += Math.abs(Number(resource.price));
    unit = resource.priceUnit?.toUpperCase() ?? unit;
  }
  return { amount: roundMoney(amount), unit, unrated };
}

/** A resource Twilio no longer has (deleted, or from another account) is left out rather than retried. */
async function fetchOrNull(fetch: () => Promise<Resource>): Promise<Resource | null> {
  try {
    return await fetch();
  } catch (error) {
    if (isPermanent(twilioFailure(error))) return null;
    throw error; // 5xx, 429, the network: the job is retried with backoff (server/engine/run-job.ts)
  }
}

async function fetchPrice(row: { channel: string; externalId: string | null; messages: { externalId: string | null }[] }) {
  const client = twilioClient();
  const found: { resource: Resource; uncharged: Set<string> }[] = [];
  if (row.channel === "call" && row.externalId) {
    const call = await fetchOrNull(() => client.calls(row.externalId as string).fetch());
    if (call) found.push({ resource: call, uncharged: UNCHARGED_CALL });
  }
  for (const m of row.messages) {
    if (!m.externalId || !MESSAGE_SID.test(m.externalId)) continue;
    const message = await fetchOrNull(() => client.messages(m.externalId as string).fetch());
    if (message) found.push({ resource: message, uncharged: UNCHARGED_MESSAGE });
  }
  return sumPrices(found);
}

/** The worker's `price` job: sums what Twilio charged, or tries again later while it is still rating. */
export async function runPriceJob(job: JobRow, workerId: string) {
  const row = await db.interaction.findUnique({
    where: { id: job.interactionId },
    select: { channel: true, externalId: true, messages: { where: { externalId: { not: null } }, select: { externalId: true } } },
  });
  if (!row) {
    await writeTx((tx) => advanceJob(tx, job, workerId, { state: "done" }));
    return;
  }
  const price = await fetchPrice(row);
  try {
    if (price.unrated > 0 && job.step + 1 < PRICE_TRIES) {
      await writeTx((tx) => advanceJob(tx, job, workerId, { delayMs: priceWait(job.step + 1) }));
      return;
    }
    // Rated (or the last try, which keeps what Twilio had priced by then).
    await writeTx(async (tx) => {
      await advanceJob(tx, job, workerId, { state: "done" });
      await tx.interaction.update({
        where: { id: job.interactionId },
        data: { providerPrice: price.amount, providerPriceUnit: price.unit ?? env.LLM_PRICE_CURRENCY },
      });
    });
  } catch (error) {
    if (error instanceof LostLease) return;
    throw error;
  }
  publishCallEvent({ callId: job.interactionId, kind: "updated" });
}
