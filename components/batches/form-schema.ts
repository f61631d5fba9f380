// The New batch form's settings (everything but the CSV's rows), turned into the API's body and
// validated by the API's own batchSettingsSchema, so the form and POST /api/v1/batches agree.
import { z } from "zod";
import { batchSettingsSchema } from "@/server/batches/schema";
import { WEEKDAYS, type Weekday } from "@/server/batches/windows";
import { type Channel, channelSchema } from "@/server/calls/status";

export type BatchFormValues = {
  name: string;
  agentId: string;
  skillId: string;
  channel: Channel;
  /** A datetime-local value in the browser's zone; empty starts now. */
  startAt: string;
  timezone: string;
  /** Number inputs, kept as typed: empty means the API's default. */
  concurrency: string;
  pacingPerSecond: string;
  useWindow: boolean;
  /** One window, edited in place; sent only when useWindow is on. */
  callingWindows: [{ days: Weekday[]; start: string; end: string }];
  /** What to do with the CSV's invalid rows: decided here, applied in the browser. */
  onInvalid: "skip" | "refuse";
  allowDuplicates: boolean;
};

/** Form fields a server 422 can land on (its first path segment). */
export const batchFormFields = [
  "name",
  "agentId",
  "skillId",
  "channel",
  "startAt",
  "timezone",
  "concurrency",
  "pacingPerSecond",
  "callingWindows",
  "allowDuplicates",
] as const;

const formValuesSchema = z.object({
  name: z.string(),
  // The friendlier words for the two choices everybody must make; the API then checks them as ids.
  agentId: z.string().min(1, "Choose an agent."),
  skillId: z.string().min(1, "Choose a skill."),
  channel: channelSchema,
  startAt: z.string(),
  timezone: z.string(),
  concurrency: z.string(),
  pacingPerSecond: z.string(),
  useWindow: z.boolean(),
  callingWindows: z.tuple([z.object({ days: z.array(z.enum(WEEKDAYS)), start: z.string(), end: z.string() })]),
  onInvalid: z.enum(["skip", "refuse"]),
  allowDuplicates: z.boolean(),
});

const optionalNumber = (v: string) => (v.trim() === "" ? undefined : Number(v));

/** The local date-time as an instant; a half-typed value goes through as it is, for the API's message. */
function instant(local: string) {
  if (!local) return undefined;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? local : at.toISOString();
}

const toSettings = (v: BatchFormValues): z.input<typeof batchSettingsSchema> => ({
  name: v.name.trim(),
  agentId: v.agentId,
  skillId: v.skillId,
  channel: v.channel,
  startAt: instant(v.startAt),
  timezone: v.timezone.trim(),
  concurrency: optionalNumber(v.concurrency),
  pacingPerSecond: optionalNumber(v.pacingPerSecond),
  callingWindows: v.useWindow ? v.callingWindows : undefined,
  allowDuplicates: v.allowDuplicates,
});

export const batchFormSchema = formValuesSchema.transform(toSettings).pipe(batchSettingsSchema);

export const batchFormDefaults = (timezone: string): BatchFormValues => ({
  name: "",
  agentId: "",
  skillId: "",
  channel: "call",
  startAt: "",
  timezone,
  concurrency: "5",
  pacingPerSecond: "1",
  useWindow: false,
  callingWindows: [{ days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "18:00" }],
  onInvalid: "skip",
  allowDuplicates: false,
});
