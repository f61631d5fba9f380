// Prisma access for the overview's counters. Plain count/groupBy, so both dialects answer the same.
import { db } from "@/lib/db";
import { TERMINAL } from "@/server/calls/status";

export const countActiveCalls = () => db.interaction.count({ where: { status: { notIn: [...TERMINAL] } } });

export const countAllCalls = () => db.interaction.count();

/** Open conversations the agent handed to staff. */
export const countNeedingPerson = () => db.interaction.count({ where: { needsPerson: true, status: { notIn: [...TERMINAL] } } });

export async function countCallsSince(since: Date) {
  const where = { createdAt: { gte: since } };
  const [byStatus, byChannel] = await Promise.all([
    db.interaction.groupBy({ by: ["status"], where, _count: { _all: true } }),
    db.interaction.groupBy({ by: ["channel"], where, _count: { _all: true } }),
  ]);
  return {
    byStatus: byStatus.map((g) => ({ key: g.status, count: g._count._all })),
    byChannel: byChannel.map((g) => ({ key: g.channel, count: g._count._all })),
  };
}
