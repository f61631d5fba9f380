// Analytics over a range of local days: interactions per bucket (a day, or an hour when the range is
// one day) by channel and by status, outcomes and sentiment, duration percentiles, per-agent and
// per-skill tables, and time to first response. The database aggregates; this module plans the buckets
// in the time zone and shapes the answer.
import { env } from "@/lib/env";
import { roundMoney, tokenCost } from "@/server/calls/cost";
import { CHANNELS, type Status } from "@/server/calls/status";
import { addDays, dayAsUtc, daysBetween, localMinute, offsetSegments, startOfLocalDay } from "./calendar";
import * as analyticsQueries from "./queries";
import type { BucketPlan, Measures, Scope } from "./queries";
import type { Analytics, AnalyticsBucket, AnalyticsQuery, AnalyticsRow } from "./schema";

type Plan = { scope: Scope; bucketPlan: BucketPlan; buckets: { start: number; label: string }[] };

/** The range's instants and buckets in the zone. */
export function planRange(q: AnalyticsQuery): Plan {
  const startMs = startOfLocalDay(q.tz, q.from);
  const endMs = startOfLocalDay(q.tz, addDays(q.to, 1));
  const scope: Scope = { startMs, endMs, channel: q.channel, agentId: q.agentId, skillId: q.skillId, direction: q.direction };
  if (q.from === q.to) {
    // 23, 24 or 25 hours: a daylight-saving day has one more or one fewer.
    const hours = Math.round((endMs - startMs) / 3_600_000);
    const buckets = Array.from({ length: hours }, (_, k) => {
      const start = startMs + k * 3_600_000;
      return { start, label: localMinute(q.tz, start) };
    });
    return { scope, bucketPlan: { kind: "hour", startSeconds: startMs / 1000 }, buckets };
  }
  const buckets = Array.from({ length: daysBetween(q.from, q.to) + 1 }, (_, k) => {
    const label = addDays(q.from, k);
    return { start: startOfLocalDay(q.tz, label), label };
  });
  const bucketPlan: BucketPlan = {
    kind: "day",
    dayZeroSeconds: dayAsUtc(q.from) / 1000,
    segments: offsetSegments(q.tz, startMs, endMs),
  };
  return { scope, bucketPlan, buckets };
}

const successRate = (m: Pick<Measures, "successful" | "judged">) => (m.judged ? m.successful / m.judged : null);

const cost = (m: Pick<Measures, "promptTokens" | "completionTokens" | "providerPrice">) => {
  const model = tokenCost(m.promptTokens, m.completionTokens);
  const provider = roundMoney(m.providerPrice);
  return {
    total: roundMoney(model + provider),
    currency: env.LLM_PRICE_CURRENCY,
    model,
    provider,
    promptTokens: m.promptTokens,
    completionTokens: m.completionTokens,
  };
};

const emptyMeasures = (): Measures => ({
  count: 0,
  successful: 0,
  judged: 0,
  sentiment: { positive: 0, neutral: 0, negative: 0, unknown: 0, none: 0 },
  needsPerson: 0,
  promptTokens: 0,
  completionTokens: 0,
  providerPrice: 0,
});

function add(into: Measures, m: Measures) {
  into.count += m.count;
  into.successful += m.successful;
  into.judged += m.judged;
  into.needsPerson += m.needsPerson;
  into.promptTokens += m.promptTokens;
  into.completionTokens += m.completionTokens;
  into.providerPrice += m.providerPrice;
  for (const key of Object.keys(into.sentiment) as (keyof Measures["sentiment"])[]) into.sentiment[key] += m.sentiment[key];
}

type Named = { id: string; name: string; measures: Measures };

/** Agents or skills from the agent × skill rows, busiest first. */
function rollUp(rows: Awaited<ReturnType<typeof analyticsQueries.measuresByAgentAndSkill>>, by: "agent" | "skill") {
  const named = new Map<string, Named>();
  for (const r of rows) {
    const [id, name] = by === "agent" ? [r.agentId, r.agentName] : [r.skillId, r.skillName];
    let entry = named.get(id);
    if (!entry) {
      entry = { id, name, measures: emptyMeasures() };
      named.set(id, entry);
    }
    add(entry.measures, r);
  }
  return [...named.values()].sort((a, b) => b.measures.count - a.measures.count || a.name.localeCompare(b.name));
}

export async function getAnalytics(q: AnalyticsQuery): Promise<Analytics> {
  const { scope, bucketPlan, buckets: planned } = planRange(q);
  const [byBucket, byAgentAndSkill, durations, firstResponse] = await Promise.all([
    analyticsQueries.measuresByBucket(scope, bucketPlan),
    analyticsQueries.measuresByAgentAndSkill(scope),
    analyticsQueries.durationPercentiles(scope),
    analyticsQueries.firstResponsePercentiles(scope),
  ]);

  const totals = emptyMeasures();
  const perBucket = planned.map(() => ({
    measures: emptyMeasures(),
    channels: Object.fromEntries(CHANNELS.map((c) => [c, 0])),
    statuses: {} as Partial<Record<Status, number>>,
  }));
  for (const row of byBucket) {
    const bucket = perBucket[row.bucket];
    // The WHERE clause keeps every row inside the range; a bucket outside it would be a planning bug.
    if (!bucket) throw new Error(`analytics: bucket ${row.bucket} outside 0..${planned.length - 1}`);
    add(bucket.measures, row);
    add(totals, row);
    bucket.channels[row.channel] = (bucket.channels[row.channel] ?? 0) + row.count;
    const status = row.status as Status;
    bucket.statuses[status] = (bucket.statuses[status] ?? 0) + row.count;
  }

  const buckets: AnalyticsBucket[] = planned.map((b, i) => {
    const { measures: m, channels, statuses } = perBucket[i];
    return {
      start: new Date(b.start).toISOString(),
      label: b.label,
      total: m.count,
      byChannel: channels as AnalyticsBucket["byChannel"],
      byStatus: statuses,
      successful: m.successful,
      judged: m.judged,
      successRate: successRate(m),
      sentiment: m.sentiment,
    };
  });

  const table = (by: "agent" | "skill") =>
    rollUp(byAgentAndSkill, by).map(
      ({ id, name, measures: m }): AnalyticsRow => ({
        id,
        name,
        count: m.count,
        successful: m.successful,
        judged: m.judged,
        successRate: successRate(m),
        medianDurationSeconds: durations.get(`${by}:${id}`)?.median ?? null,
        cost: cost(m),
      }),
    );

  return {
    range: {
      from: q.from,
      to: q.to,
      tz: q.tz,
      bucket: bucketPlan.kind,
      start: new Date(scope.startMs).toISOString(),
      end: new Date(scope.endMs).toISOString(),
    },
    totals: {
      interactions: totals.count,
      successful: totals.successful,
      judged: totals.judged,
      successRate: successRate(totals),
      needsPerson: totals.needsPerson,
      sentiment: totals.sentiment,
      cost: cost(totals),
    },
    buckets,
    durations: CHANNELS.map((channel) => {
      const p = durations.get(`channel:${channel}`);
      return { channel, count: p?.count ?? 0, medianSeconds: p?.median ?? null, p90Seconds: p?.p90 ?? null };
    }),
    agents: table("agent"),
    skills: table("skill"),
    firstResponse: { conversations: firstResponse.count, medianSeconds: firstResponse.median, p90Seconds: firstResponse.p90 },
  };
}
