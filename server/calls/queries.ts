// Prisma access for interactions, their messages and status history.
import { pageArgs } from "@/lib/validation";
import { containsText, db, type Tx } from "@/lib/db";
import { likeTerm } from "@/lib/like";
import type { CallFilter, ListCallsQuery } from "./schema";

export const callSelect = {
  id: true,
  channel: true,
  status: true,
  agentId: true,
  skillId: true,
  customerId: true,
  customerName: true,
  customerPhone: true,
  customerEmail: true,
  agentPhone: true,
  agentEmail: true,
  effectiveAgent: true,
  customFields: true,
  initialMessage: true,
  prompt: true,
  unresolvedVariables: true,
  transcription: true,
  hasRecording: true,
  durationSeconds: true,
  note: true,
  provider: true,
  externalId: true,
  simulated: true,
  direction: true,
  brain: true,
  persona: true,
  needsPerson: true,
  handoffReason: true,
  takenOverById: true,
  takenOverByName: true,
  promptTokens: true,
  completionTokens: true,
  providerPrice: true,
  providerPriceUnit: true,
  endReason: true,
  subject: true,
  analysis: true,
  createdAt: true,
  updatedAt: true,
  startedAt: true,
  endedAt: true,
  messages: {
    select: {
      seq: true,
      sid: true,
      timestamp: true,
      sender: true,
      senderName: true,
      internal: true,
      content: true,
      mediaUrl: true,
      status: true,
      externalId: true,
      error: true,
      email: true,
    },
    orderBy: { seq: "asc" },
  },
  history: {
    select: { fromStatus: true, toStatus: true, actor: true, reason: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  },
} as const;

export type CallRow = NonNullable<Awaited<ReturnType<typeof findCall>>>;

export const findCall = (id: string, client: Tx | typeof db = db) =>
  client.interaction.findUnique({ where: { id }, select: callSelect });

/** What a recording is synthesised from: the final duration and the conversation. */
export const findRecordingSource = (id: string) =>
  db.interaction.findUnique({
    where: { id },
    select: {
      hasRecording: true,
      durationSeconds: true,
      messages: { select: { sender: true, content: true }, orderBy: { seq: "asc" } },
    },
  });

function listWhere(q: CallFilter) {
  const from = [q["dateRange[from]"], q.hrs ? new Date(Date.now() - q.hrs * 3_600_000) : undefined].filter((d): d is Date =>
    Boolean(d),
  );
  const createdAt = {
    ...(from.length && { gte: new Date(Math.max(...from.map((d) => d.getTime()))) }),
    ...(q["dateRange[to]"] && { lte: q["dateRange[to]"] }),
  };
  return {
    ...(q.status && { status: q.status }),
    ...(q.channel && { channel: q.channel }),
    ...(q.agentId && { agentId: q.agentId }),
    ...(q.customerId && { customerId: q.customerId }),
    ...(q.direction && { direction: q.direction }),
    ...(q.needsPerson !== undefined && { needsPerson: q.needsPerson }),
    ...(q.sentiment && { sentiment: q.sentiment }),
    ...(q.successful !== undefined && { successful: q.successful }),
    ...(Object.keys(createdAt).length && { createdAt }),
    ...(q.q && { OR: searchWhere(q.q) }),
  };
}

/** The search box: the customer's name, phone and e-mail (searchText), or any message's text, in any case. */
function searchWhere(text: string) {
  return [{ searchText: { contains: likeTerm(text.toLowerCase()) } }, { messages: { some: { content: containsText(text) } } }];
}

export async function listCalls(q: ListCallsQuery) {
  const where = listWhere(q);
  const [rows, total] = await Promise.all([
    db.interaction.findMany({
      where,
      select: callSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageArgs(q),
    }),
    db.interaction.count({ where }),
  ]);
  return { rows, total };
}

/** The call object's scalar fields and the analysis: what a CSV export row is made of (no messages). */
export const exportSelect = {
  id: true,
  status: true,
  channel: true,
  direction: true,
  simulated: true,
  provider: true,
  externalId: true,
  agentId: true,
  skillId: true,
  customerId: true,
  customerName: true,
  customerPhone: true,
  customerEmail: true,
  agentPhone: true,
  agentEmail: true,
  durationSeconds: true,
  startedAt: true,
  endedAt: true,
  createdAt: true,
  updatedAt: true,
  endReason: true,
  note: true,
  subject: true,
  brain: true,
  needsPerson: true,
  handoffReason: true,
  takenOverByName: true,
  promptTokens: true,
  completionTokens: true,
  providerPrice: true,
  providerPriceUnit: true,
  initialMessage: true,
  prompt: true,
  transcription: true,
  analysis: true,
} as const;
export type ExportRow = Awaited<ReturnType<typeof exportPage>>[number];

/**
 * One page of the export, newest first, after the cursor (the last row of the previous page): keyset
 * paging on (createdAt, id), so each page is one indexed query however deep the export goes.
 */
export function exportPage(q: CallFilter, after: { createdAt: Date; id: string } | null, take: number) {
  const where = listWhere(q);
  return db.interaction.findMany({
    where: after
      ? {
          AND: [where, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }],
        }
      : where,
    select: exportSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}
