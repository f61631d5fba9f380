// Prisma access for the live event streams.
import { db } from "@/lib/db";
import { STATUSES } from "@/server/calls/status";

export const summarySelect = {
  id: true,
  status: true,
  channel: true,
  customerName: true,
  agentId: true,
  skillId: true,
  simulated: true,
  needsPerson: true,
  createdAt: true,
  updatedAt: true,
  endedAt: true,
} as const;

// lastActivityAt moves with every status change and message and is indexed together with status, so
// listing every status keeps these index range scans, not table scans, however many calls are stored.
const everyStatus = { in: [...STATUSES] };

/** Calls whose activity moved after `since`, oldest change first. */
export function changedSince(since: Date, take: number) {
  return db.interaction.findMany({
    where: { status: everyStatus, lastActivityAt: { gt: since } },
    select: summarySelect,
    orderBy: { lastActivityAt: "asc" },
    take,
  });
}

/**
 * One page of a replay: calls whose activity is at or after `after.at`, minus those up to `after.id`
 * at exactly that time, in (lastActivityAt, id) order, so that paging never skips a tie.
 */
export function changedAfter(after: { at: Date; id: string }, take: number) {
  return db.interaction.findMany({
    where: {
      status: everyStatus,
      lastActivityAt: { gte: after.at },
      NOT: { lastActivityAt: after.at, id: { lte: after.id } },
    },
    select: { ...summarySelect, lastActivityAt: true },
    orderBy: [{ lastActivityAt: "asc" }, { id: "asc" }],
    take,
  });
}

export const findSummary = (id: string) => db.interaction.findUnique({ where: { id }, select: summarySelect });

/** Version fields (updatedAt, message count) of the given calls: what the watcher's poll compares. */
export const findVersions = (ids: string[]) =>
  db.interaction.findMany({
    where: { id: { in: ids } },
    select: { id: true, updatedAt: true, _count: { select: { messages: true } } },
  });
