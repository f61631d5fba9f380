// What GET /api/metrics reads from the database at scrape time: the engine's queue per lane and the
// webhook backlog. Aggregates only (a few rows), on Prisma's read connection.
import { db, Prisma } from "@/lib/db";
import { AFTER_END_JOBS_SQL } from "@/server/conversations/queries";
import { LANES } from "@/server/engine/lanes";

export type QueueRow = { lane: number; due: number; oldest: Date | null };

const asDate = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));

/** Due jobs per lane (as claimDueJobs ranks them, before promotion) and when the oldest became due. */
export async function queueByLane(now: Date): Promise<QueueRow[]> {
  const lane = Prisma.raw(`CASE WHEN j.kind IN ${AFTER_END_JOBS_SQL} THEN ${LANES.background} ELSE i.lane END`);
  const rows = await db.$queryRaw<{ lane: unknown; due: unknown; oldest: unknown }[]>`
    SELECT ${lane} AS lane, COUNT(*) AS due, MIN(j."runAt") AS oldest
      FROM "Job" j JOIN "Interaction" i ON i.id = j."interactionId"
     WHERE j.state = 'pending' AND j."runAt" <= ${now}
     GROUP BY ${lane}`;
  return rows.map((r) => ({ lane: Number(r.lane), due: Number(r.due), oldest: asDate(r.oldest) }));
}

/** Webhook deliveries still to be sent, and the oldest one's creation. */
export async function webhookBacklog(): Promise<{ pending: number; oldest: Date | null }> {
  const [count, oldest] = await Promise.all([
    db.webhookDelivery.count({ where: { state: "pending" } }),
    db.webhookDelivery.findFirst({ where: { state: "pending" }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  return { pending: count, oldest: oldest?.createdAt ?? null };
}
