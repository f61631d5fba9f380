// What runs once an interaction has ended, queued inside the transaction that ends it (transitions.ts),
// so no ended interaction is left without it: the post-call analysis, and the provider's price.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { asSqlTx, type SqlTx } from "@/lib/sql";
import { queueAnalysis } from "@/server/analysis/queue";
import { PRICE_JOB } from "@/server/conversations/queries";

export async function queueAfterEnd(tx: Tx | SqlTx, interactionId: string) {
  await queueAnalysis(tx, interactionId);
  await queueProviderPrice(tx, interactionId);
}

/**
 * Twilio rates a call or message some time after the end; server/transports/twilio/price.ts fetches
 * the price then. One statement that inserts nothing for other providers, so the engine's simulated
 * steps pay no extra read.
 */
async function queueProviderPrice(tx: Tx | SqlTx, interactionId: string) {
  const now = new Date();
  await asSqlTx(tx).run(
    `INSERT INTO "Job" (id, "interactionId", kind, state, step, "runAt", attempts, "createdAt", "updatedAt")
     SELECT ?, id, ?, 'pending', 0, ?, 0, ?, ? FROM "Interaction" WHERE id = ? AND provider = 'twilio'`,
    [randomUUID(), PRICE_JOB, new Date(now.getTime() + env.TWILIO_PRICE_POLL_MS), now, now, interactionId],
  );
}
