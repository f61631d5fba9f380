// The overview's numbers: what is live now, and how today went by status and by channel.
import { CHANNELS } from "@/server/calls/status";
import * as q from "./queries";
import { type Stats, type StatsQuery, startOfDay } from "./schema";

export async function getStats(query: StatsQuery, now = new Date()): Promise<Stats> {
  const since = startOfDay(query, now);
  const [inProgress, needsPerson, total, today] = await Promise.all([
    q.countActiveCalls(),
    q.countNeedingPerson(),
    q.countAllCalls(),
    q.countCallsSince(since),
  ]);
  const byStatus: Record<string, number> = {};
  for (const g of today.byStatus) byStatus[g.key] = g.count;
  const byChannel: Record<string, number> = Object.fromEntries(CHANNELS.map((c) => [c, 0]));
  for (const g of today.byChannel) byChannel[g.key] = g.count;
  return {
    inProgress,
    needsPerson,
    total,
    today: { total: today.byStatus.reduce((sum, g) => sum + g.count, 0), byStatus, byChannel },
    since: since.toISOString(),
  };
}
