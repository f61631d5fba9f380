// GET /api/v1/analytics: the query (a range of local days, filters) and the answer (buckets, outcome
// mixes, duration percentiles, per-agent and per-skill tables, first-response times).
import { z } from "zod";
import { uuid } from "@/lib/validation";
import { SENTIMENTS } from "@/server/analysis/schema";
import { CHANNELS, channelSchema, STATUSES } from "@/server/calls/status";
import { addDays, daysBetween, isTimeZone, localDate } from "./calendar";

export const DEFAULT_RANGE_DAYS = 7;
export const MAX_RANGE_DAYS = 366;

/** A real calendar day: z.iso.date checks the shape, the round trip rejects 2026-02-30. */
const day = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label} must be a date such as 2026-03-17.` })
    .refine((v) => !Number.isNaN(Date.parse(v)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
      message: `${label} must be a real calendar date such as 2026-03-17.`,
    })
    .refine((v) => v >= "1970-01-01" && v <= "9999-12-31", { message: `${label} must be between 1970 and 9999.` });

export const analyticsQuerySchema = z
  .strictObject({
    from: day("from")
      .optional()
      .describe(`First day, inclusive (default: ${DEFAULT_RANGE_DAYS - 1} days before \`to\`).`),
    to: day("to").optional().describe("Last day, inclusive (default: today in `tz`)."),
    tz: z
      .string()
      .max(64, "tz must be at most 64 characters.")
      .refine(isTimeZone, { message: "tz must be an IANA time zone such as Europe/Berlin, America/New_York or UTC." })
      .optional()
      .describe("IANA time zone the days and hours are counted in (default UTC)."),
    channel: channelSchema.optional(),
    agentId: uuid("agentId").optional(),
    skillId: uuid("skillId").optional(),
    direction: z.enum(["inbound", "outbound"], { message: "direction must be inbound or outbound." }).optional(),
  })
  // Defaults depend on today in the zone, so the range is checked after they are filled in.
  .transform((q, ctx) => {
    const tz = q.tz ?? "UTC";
    const to = q.to ?? localDate(tz, Date.now());
    const from = q.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
    if (from > to) {
      const message = q.to ? "from must not be after to." : `from must not be after to (today, ${to}, when to is left out).`;
      ctx.issues.push({ code: "custom", message, path: ["from"], input: q });
      return z.NEVER;
    }
    const days = daysBetween(from, to) + 1;
    if (days > MAX_RANGE_DAYS) {
      const message = `The range may cover at most ${MAX_RANGE_DAYS} days; ${from} to ${to} covers ${days}.`;
      ctx.issues.push({ code: "custom", message, path: ["to"], input: q });
      return z.NEVER;
    }
    return { ...q, tz, from, to };
  });
export type AnalyticsQuery = z.output<typeof analyticsQuerySchema>;

const count = z.number().int();
/** Successful ÷ judged (interactions whose analysis decided either way); null when none was judged. */
const rate = z.number().min(0).max(1).nullable();
const seconds = z.number().nullable();

const byChannel = z.object(
  Object.fromEntries(CHANNELS.map((c) => [c, count])) as Record<(typeof CHANNELS)[number], typeof count>,
);
/** The analysis's sentiments, and `none` for interactions not analysed (yet). */
const sentimentMix = z.object(
  Object.fromEntries([...SENTIMENTS, "none"].map((s) => [s, count])) as Record<
    (typeof SENTIMENTS)[number] | "none",
    typeof count
  >,
);

export const analyticsBucketSchema = z.object({
  /** The UTC instant the bucket begins. */
  start: z.string(),
  /** Local day (2026-03-17) or local hour (2026-03-17T14:00) in `tz`. */
  label: z.string(),
  total: count,
  byChannel,
  /** End statuses (and live ones) with at least one interaction. */
  byStatus: z.partialRecord(z.enum(STATUSES), count),
  successful: count,
  judged: count,
  successRate: rate,
  sentiment: sentimentMix,
});

const costSchema = z.object({
  /** The model's share plus the provider's, in `currency`. */
  total: z.number(),
  currency: z.string(),
  /** The model's tokens times LLM_PRICE_PER_1K_INPUT/_OUTPUT. */
  model: z.number(),
  /** What Twilio charged, as far as it has reported it (server/transports/twilio/price.ts). */
  provider: z.number(),
  promptTokens: count,
  completionTokens: count,
});

const rowSchema = z.object({
  id: z.string(),
  name: z.string(),
  count,
  successful: count,
  judged: count,
  successRate: rate,
  medianDurationSeconds: seconds,
  cost: costSchema,
});

export const analyticsSchema = z.object({
  range: z.object({
    from: z.string(),
    to: z.string(),
    tz: z.string(),
    bucket: z.enum(["hour", "day"]),
    start: z.string(),
    end: z.string(),
  }),
  totals: z.object({
    interactions: count,
    successful: count,
    judged: count,
    successRate: rate,
    /** Interactions in the range the agent handed to staff and nobody has taken over yet. */
    needsPerson: count,
    sentiment: sentimentMix,
    cost: costSchema,
  }),
  buckets: z.array(analyticsBucketSchema),
  /** durationSeconds of interactions that have one, per channel (every channel listed). */
  durations: z.array(z.object({ channel: z.enum(CHANNELS), count, medianSeconds: seconds, p90Seconds: seconds })),
  agents: z.array(rowSchema),
  skills: z.array(rowSchema),
  /** Inbound conversations: first customer message to the first agent or staff reply after it. */
  firstResponse: z.object({ conversations: count, medianSeconds: seconds, p90Seconds: seconds }),
});
export type Analytics = z.infer<typeof analyticsSchema>;
export type AnalyticsBucket = z.infer<typeof analyticsBucketSchema>;
export type AnalyticsRow = z.infer<typeof rowSchema>;
