// The analytics SQL. Every figure is aggregated by the database (GROUP BY, percentiles), on SQLite and
// on PostgreSQL alike, so an answer costs a few hundred grouped rows whatever the history's size. The
// few dialect differences (date arithmetic, index hints) come from lib/sql.ts.
import { type SqlValue, sqlDialect, sqlRows } from "@/lib/sql";

/** Which interactions: created in [startMs, endMs), with the optional filters. */
export type Scope = {
  startMs: number;
  endMs: number;
  channel?: string;
  agentId?: string;
  skillId?: string;
  direction?: string;
};

/** How createdAt maps to a bucket number (0, 1, …), worked out by the service from the time zone. */
export type BucketPlan =
  | { kind: "hour"; startSeconds: number }
  /** Local days: the offset is constant from each segment's start on; dayZeroSeconds is `from` at 00:00 as if UTC. */
  | { kind: "day"; dayZeroSeconds: number; segments: { fromMs: number; offset: number }[] };

type Fragment = { sql: string; params: SqlValue[] };

/** Integers computed by the service (never user input) go into the SQL as literals; checked anyway. */
const int = (n: number) => {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return String(n);
};

function scopeWhere(scope: Scope, alias = "i"): Fragment {
  const conditions = [`${alias}."createdAt" >= ?`, `${alias}."createdAt" < ?`];
  const params: SqlValue[] = [new Date(scope.startMs), new Date(scope.endMs)];
  for (const key of ["channel", "agentId", "skillId", "direction"] as const) {
    const value = scope[key];
    if (value === undefined) continue;
    conditions.push(`${alias}."${key}" = ?`);
    params.push(value);
  }
  return { sql: conditions.join(" AND "), params };
}

function bucketExpression(plan: BucketPlan, alias = "i"): Fragment {
  const epoch = sqlDialect.epochSeconds(`${alias}."createdAt"`);
  if (plan.kind === "hour") return { sql: `((${epoch} - ${int(plan.startSeconds)}) / 3600)`, params: [] };
  // Local wall-clock seconds: UTC plus the zone's offset at that instant (a CASE only across DST changes).
  const [first, ...rest] = plan.segments;
  let offset = int(first.offset);
  const params: SqlValue[] = [];
  if (rest.length) {
    const arms = plan.segments.slice(0, -1).map((s, i) => {
      params.push(new Date(plan.segments[i + 1].fromMs));
      return `WHEN ${alias}."createdAt" < ? THEN ${int(s.offset)}`;
    });
    offset = `(CASE ${arms.join(" ")} ELSE ${int(plan.segments[plan.segments.length - 1].offset)} END)`;
  }
  return { sql: `((${epoch} + ${offset} - ${int(plan.dayZeroSeconds)}) / 86400)`, params };
}

const n = (v: unknown) => Number(v ?? 0);
const nullableNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));

// The same figures for every grouping: counts, the analysis's outcome and sentiment, the model's tokens
// and the provider's price. Simulated interactions cost nothing (server/calls/cost.ts), so they are left
// out of those sums.
const MEASURES = `count(*) AS n,
  sum(CASE WHEN i."successful" THEN 1 ELSE 0 END) AS ok,
  sum(CASE WHEN i."successful" IS NOT NULL THEN 1 ELSE 0 END) AS judged,
  sum(CASE WHEN i."sentiment" = 'positive' THEN 1 ELSE 0 END) AS positive,
  sum(CASE WHEN i."sentiment" = 'neutral' THEN 1 ELSE 0 END) AS neutral,
  sum(CASE WHEN i."sentiment" = 'negative' THEN 1 ELSE 0 END) AS negative,
  sum(CASE WHEN i."sentiment" = 'unknown' THEN 1 ELSE 0 END) AS unknown,
  sum(CASE WHEN i."sentiment" IS NULL THEN 1 ELSE 0 END) AS none,
  sum(CASE WHEN i."needsPerson" THEN 1 ELSE 0 END) AS needs,
  sum(CASE WHEN i."simulated" THEN 0 ELSE i."promptTokens" END) AS pt,
  sum(CASE WHEN i."simulated" THEN 0 ELSE i."completionTokens" END) AS ct,
  sum(CASE WHEN i."simulated" THEN 0 ELSE COALESCE(i."providerPrice", 0) END) AS pp`;

/** The column names MEASURES answers. */
const MEASURE_NAMES = [
  "n",
  "ok",
  "judged",
  "positive",
  "neutral",
  "negative",
  "unknown",
  "none",
  "needs",
  "pt",
  "ct",
  "pp",
] as const;

export type Measures = {
  count: number;
  successful: number;
  judged: number;
  sentiment: { positive: number; neutral: number; negative: number; unknown: number; none: number };
  needsPerson: number;
  promptTokens: number;
  completionTokens: number;
  providerPrice: number;
};

type MeasureRow = Record<(typeof MEASURE_NAMES)[number], unknown>;

const measures = (r: MeasureRow): Measures => ({
  count: n(r.n),
  successful: n(r.ok),
  judged: n(r.judged),
  sentiment: { positive: n(r.positive), neutral: n(r.neutral), negative: n(r.negative), unknown: n(r.unknown), none: n(r.none) },
  needsPerson: n(r.needs),
  promptTokens: n(r.pt),
  completionTokens: n(r.ct),
  providerPrice: n(r.pp),
});

/** The covering index of every analytics scan (prisma/models.prisma): no query reads the wide rows. */
const FROM_INTERACTIONS = `"Interaction" i ${sqlDialect.indexedBy("Interaction_analytics_idx")}`;

/**
 * Per bucket, channel and status: the grouped measures, at most buckets × channels × statuses rows
 * (a few hundred for a month). One scan serves the stacked channels, the status mix and the totals.
 */
export async function measuresByBucket(scope: Scope, plan: BucketPlan) {
  const bucket = bucketExpression(plan);
  const where = scopeWhere(scope);
  const rows = await sqlRows<MeasureRow & { b: unknown; channel: string; status: string }>(
    `SELECT ${bucket.sql} AS b, i."channel" AS channel, i."status" AS status, ${MEASURES}
     FROM ${FROM_INTERACTIONS} WHERE ${where.sql} GROUP BY 1, 2, 3`,
    [...bucket.params, ...where.params],
  );
  return rows.map((r) => ({ bucket: n(r.b), channel: r.channel, status: r.status, ...measures(r) }));
}

/** Per agent and skill pair (the pairs an agent holds: few), with both names; the service rolls them up. */
export async function measuresByAgentAndSkill(scope: Scope) {
  const where = scopeWhere(scope);
  const rows = await sqlRows<MeasureRow & { agentId: string; agentName: string; skillId: string; skillName: string }>(
    `SELECT g."agentId" AS "agentId", a."name" || CASE WHEN a."lastname" = '' THEN '' ELSE ' ' || a."lastname" END AS "agentName",
            g."skillId" AS "skillId", s."name" AS "skillName", ${MEASURE_NAMES.map((m) => `g.${m}`).join(", ")}
     FROM (SELECT i."agentId" AS "agentId", i."skillId" AS "skillId", ${MEASURES}
           FROM ${FROM_INTERACTIONS} WHERE ${where.sql} GROUP BY 1, 2) g
     JOIN "Agent" a ON a."id" = g."agentId" JOIN "Skill" s ON s."id" = g."skillId"`,
    where.params,
  );
  return rows.map((r) => ({
    agentId: r.agentId,
    agentName: r.agentName,
    skillId: r.skillId,
    skillName: r.skillName,
    ...measures(r),
  }));
}

export type Percentiles = { count: number; median: number | null; p90: number | null };

/**
 * The median and 90th percentile per key, from a histogram: a subquery of (k, v, c) rows, c values v
 * under key k. Ranks come from running sums over the histogram (few rows: durations are whole
 * seconds), and each percentile interpolates linearly between its two nearest ranks, as Postgres's
 * percentile_cont does. The same SQL runs on both dialects, so both answer the same figures.
 */
async function percentiles(histogram: Fragment): Promise<Map<string, Percentiles>> {
  const at = (p: number) => {
    const pos = `((r.n - 1) * ${p})`;
    const lo = `floor(${pos})`;
    const holds = (rank: string) => `r.before <= ${rank} AND ${rank} < r.before + r.c`;
    return `sum(CASE WHEN ${holds(lo)} THEN r.v * (1 - (${pos} - ${lo})) ELSE 0 END)
          + sum(CASE WHEN ${holds(`${lo} + 1`)} THEN r.v * (${pos} - ${lo}) ELSE 0 END)`;
  };
  const sql = `WITH h AS (${histogram.sql}),
    r AS (SELECT h.k AS k, h.v AS v, h.c AS c,
                 sum(h.c) OVER (PARTITION BY h.k ORDER BY h.v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - h.c AS before,
                 sum(h.c) OVER (PARTITION BY h.k) AS n
          FROM h)
    SELECT r.k AS k, r.n AS n, ${at(0.5)} AS p50, ${at(0.9)} AS p90 FROM r GROUP BY r.k, r.n`;
  const rows = await sqlRows<{ k: string; n: unknown; p50: unknown; p90: unknown }>(sql, histogram.params);
  return new Map(rows.map((r) => [String(r.k), { count: n(r.n), median: nullableNumber(r.p50), p90: nullableNumber(r.p90) }]));
}

/** durationSeconds percentiles per channel ("channel:call"), agent ("agent:<id>") and skill ("skill:<id>"), in one scan. */
export function durationPercentiles(scope: Scope) {
  const where = scopeWhere(scope);
  const rollup = (prefix: string, column: string) =>
    `SELECT '${prefix}:' || d.${column} AS k, d.v AS v, sum(d.c) AS c FROM d GROUP BY d.${column}, d.v`;
  return percentiles({
    sql: `WITH d AS (
        SELECT i."channel" AS ch, i."agentId" AS ag, i."skillId" AS sk, i."durationSeconds" AS v, count(*) AS c
        FROM ${FROM_INTERACTIONS} WHERE ${where.sql} AND i."durationSeconds" IS NOT NULL GROUP BY 1, 2, 3, 4)
      ${rollup("channel", "ch")} UNION ALL ${rollup("agent", "ag")} UNION ALL ${rollup("skill", "sk")}`,
    params: where.params,
  });
}

/**
 * Inbound conversations: seconds from the customer's first message to the first reply after it from
 * the agent or a person who took over (internal notes and tool calls are not replies). Conversations
 * still waiting for a reply are left out.
 */
export async function firstResponsePercentiles(scope: Scope): Promise<Percentiles> {
  const where = scopeWhere({ ...scope, direction: undefined });
  const sql = `WITH firsts AS (
      SELECT m."interactionId" AS id, MIN(m."seq") AS seq
      FROM "Message" m JOIN "Interaction" i ON i."id" = m."interactionId"
      WHERE ${where.sql} AND i."direction" = 'inbound' AND m."sender" = 'customer' AND m."internal" = ?
      GROUP BY m."interactionId"
    ), pairs AS (
      SELECT c."timestamp" AS asked,
        (SELECT MIN(a."timestamp") FROM "Message" a
         WHERE a."interactionId" = f.id AND a."seq" > f.seq AND a."sender" IN ('agent', 'staff') AND a."internal" = ?) AS answered
      FROM firsts f JOIN "Message" c ON c."interactionId" = f.id AND c."seq" = f.seq
    )
    SELECT 'all' AS k, w.v AS v, count(*) AS c
    FROM (SELECT ${sqlDialect.secondsBetween("p.asked", "p.answered")} AS v FROM pairs p WHERE p.answered IS NOT NULL) w
    GROUP BY w.v`;
  // An outbound filter leaves no inbound conversation: the same empty answer as an empty range.
  const params = [...where.params, false, false];
  const result = scope.direction === "outbound" ? new Map<string, Percentiles>() : await percentiles({ sql, params });
  return result.get("all") ?? { count: 0, median: null, p90: null };
}
