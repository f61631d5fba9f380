// The overview's counters: the query (which instant "today" starts at, in the viewer's zone) and the answer.
import { z } from "zod";
import { CHANNELS, STATUSES } from "@/server/calls/status";

const MINUTES_PER_DAY = 24 * 60;

export const statsQuerySchema = z
  .strictObject({
    // Minutes as JavaScript's Date#getTimezoneOffset gives them: UTC minus local time (UTC+2 → -120).
    tz: z.coerce
      .number({ message: "tz must be a number of minutes, e.g. -120 for UTC+2." })
      .int("tz must be a whole number of minutes.")
      .min(-14 * 60, "tz must be between -840 and 840 minutes.")
      .max(14 * 60, "tz must be between -840 and 840 minutes.")
      .optional(),
    since: z.iso
      .datetime({ offset: true, message: "since must be an ISO date-time such as 2025-03-17T00:00:00+01:00." })
      .transform((v) => new Date(v))
      .optional(),
  })
  .refine((q) => q.tz === undefined || q.since === undefined, {
    message: "Send either tz or since, not both.",
    path: ["since"],
  });
export type StatsQuery = z.infer<typeof statsQuerySchema>;

/** When the viewer's day began: `since` as given, else local midnight for the `tz` offset (UTC without it). */
export function startOfDay(query: StatsQuery, now = new Date()): Date {
  if (query.since) return query.since;
  const offsetMs = (query.tz ?? 0) * 60_000;
  const dayMs = MINUTES_PER_DAY * 60_000;
  const localNow = now.getTime() - offsetMs;
  return new Date(localNow - (((localNow % dayMs) + dayMs) % dayMs) + offsetMs);
}

const counts = <T extends readonly [string, ...string[]]>(keys: T) => z.partialRecord(z.enum(keys), z.number().int());

export const statsSchema = z.object({
  /** Interactions not yet in a terminal status, whenever they started. */
  inProgress: z.number().int(),
  /** Open conversations the agent handed to staff ("Needs a person"). */
  needsPerson: z.number().int(),
  /** Every interaction ever recorded: zero on a fresh install. */
  total: z.number().int(),
  today: z.object({
    total: z.number().int(),
    byStatus: counts(STATUSES),
    /** Every channel appears, with 0 when it had nothing today. */
    byChannel: counts(CHANNELS),
  }),
  since: z.string(),
});
export type Stats = z.infer<typeof statsSchema>;
