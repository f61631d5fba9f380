// The zod schemas of batch campaigns: the create body (one agent, skill and channel; many tasks), the
// pause/resume/cancel body, the list queries, and the batch and task objects the API answers with.
// A task follows the Create Call shape: each one is checked against createCallSchema itself, so the
// rules (a phone for phone channels, an e-mail for email) are the same ones, not a copy.
import { z } from "zod";
import { email, line, pagingQuery, phone, text, uuid } from "@/lib/validation";
import { agentOverrideSchema, createCallSchema, customerOverrideSchema } from "@/server/calls/schema";
import { channelSchema, statusSchema } from "@/server/calls/status";
import { isTimeZone, WEEKDAYS } from "./windows";

export const MAX_TASKS = 100_000;
/** The create body's size limit: a CSV of MAX_TASKS short rows fits. */
export const MAX_BATCH_BODY_BYTES = 10 * 1024 * 1024;

export const BATCH_STATES = ["scheduled", "running", "paused", "completed", "cancelled"] as const;
export const TASK_STATES = ["pending", "started", "completed", "failed", "cancelled"] as const;
export type BatchState = (typeof BATCH_STATES)[number];
export type TaskState = (typeof TASK_STATES)[number];

/** One recipient: the customer fields, custom fields and agent override of Create Call. */
export const batchTaskSchema = z.strictObject({
  customerName: line(200, "customerName").optional(),
  customerPhone: phone().optional(),
  customerEmail: email().optional(),
  customerOverride: customerOverrideSchema.optional(),
  agentOverride: agentOverrideSchema.optional(),
  persona: text(2000, "persona").optional(),
});
export type BatchTaskInput = z.infer<typeof batchTaskSchema>;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const clock = (label: string) => z.string().regex(HHMM, `${label} must be a time such as 09:00 (24-hour, HH:MM).`);

export const callingWindowSchema = z
  .strictObject({
    days: z
      .array(z.enum(WEEKDAYS, { message: `Each day must be one of ${WEEKDAYS.join(", ")}.` }))
      .min(1, 'List at least one day, e.g. ["mon", "tue"].')
      .max(7, "List each day once."),
    start: clock("start"),
    end: clock("end"),
  })
  .refine((w) => w.start < w.end, { message: "end must be after start (a window cannot cross midnight).", path: ["end"] });

const retryRuleSchema = z.strictObject({
  count: z.number().int("count must be a whole number.").min(0).max(10, "count must be at most 10."),
  delayMinutes: z
    .number()
    .min(0, "delayMinutes must not be negative.")
    .max(7 * 24 * 60, "delayMinutes must be at most a week."),
});

export const retryPolicySchema = z.strictObject({
  busy: retryRuleSchema.optional(),
  noAnswer: retryRuleSchema.optional(),
  voicemail: retryRuleSchema.optional(),
});
export type RetryPolicy = z.infer<typeof retryPolicySchema>;
/** Which retry rule an interaction's end status falls under. */
export const RETRY_ON: Record<string, keyof RetryPolicy> = { busy: "busy", "no-answer": "noAnswer", voicemail: "voicemail" };

/** The number that makes two tasks the same recipient (the override wins, as in Create Call). */
export const taskPhone = (t: BatchTaskInput) => t.customerOverride?.phoneNumber ?? t.customerPhone;

/** The composed Create Call body of one task: what the dispatcher hands to insertCall. */
export const taskCallInput = (
  batch: { agentId: string; skillId: string; channel: z.infer<typeof channelSchema>; simulate?: boolean },
  task: BatchTaskInput,
) => ({
  agentId: batch.agentId,
  skillId: batch.skillId,
  channel: batch.channel,
  ...(batch.simulate && { simulate: true }),
  ...task,
});

/** Stands in for the batch's agent and skill when a task is checked alone (they are checked once, for all). */
const CHECKED_ONCE = "00000000-0000-4000-8000-000000000000";

/**
 * What is wrong with one task on a channel, by Create Call's own rules (e.g. a phone number for "call").
 * zod runs the channel rule only once the base fields parse, so the ids must be present: the
 * placeholder fills them. The dashboard's CSV preview checks each row with this too.
 */
export function taskIssues(channel: z.infer<typeof channelSchema>, task: unknown): z.core.$ZodIssue[] {
  const own = batchTaskSchema.safeParse(task);
  if (!own.success) return own.error.issues;
  const call = createCallSchema.safeParse({ ...own.data, agentId: CHECKED_ONCE, skillId: CHECKED_ONCE, channel });
  return call.success ? [] : call.error.issues;
}

/** Rows (1-based) that repeat an earlier task's phone number, each with the row it repeats. */
export function duplicatePhones(tasks: BatchTaskInput[]): { row: number; firstRow: number; phone: string }[] {
  const seen = new Map<string, number>();
  const found: { row: number; firstRow: number; phone: string }[] = [];
  tasks.forEach((task, i) => {
    const number = taskPhone(task);
    if (!number) return;
    const first = seen.get(number);
    if (first === undefined) seen.set(number, i + 1);
    else found.push({ row: i + 1, firstRow: first, phone: number });
  });
  return found;
}

/**
 * Everything in a create body but its tasks: who calls, on which channel, when and how fast. The
 * dashboard's New batch form validates its settings with this, and the API the whole body below.
 */
export const batchSettingsSchema = z.strictObject({
  name: line(200, "name").refine((v) => v.trim().length > 0, "A batch needs a name."),
  agentId: uuid("agentId"),
  skillId: uuid("skillId"),
  channel: channelSchema,
  startAt: z.iso
    .datetime({ offset: true, message: "startAt must be an ISO date-time such as 2026-03-09T09:00:00-05:00." })
    .transform((v) => new Date(v))
    .optional(),
  timezone: z.string().max(64).refine(isTimeZone, "timezone must be an IANA time zone such as America/New_York."),
  callingWindows: z.array(callingWindowSchema).max(21, "At most 21 calling windows are allowed.").optional(),
  concurrency: z
    .number()
    .int("concurrency must be a whole number.")
    .min(1)
    .max(100, "concurrency must be at most 100.")
    .optional(),
  pacingPerSecond: z
    .number()
    .min(0.01, "pacingPerSecond must be at least 0.01.")
    .max(50, "pacingPerSecond must be at most 50.")
    .optional(),
  retry: retryPolicySchema.optional(),
  /** Accept the same phone number on several tasks (otherwise 422 naming the rows). */
  allowDuplicates: z.boolean({ message: "allowDuplicates must be true or false." }).optional(),
  /** Run every task on the simulator even when a real provider is configured. */
  simulate: z.boolean({ message: "simulate must be true or false." }).optional(),
});
export type BatchSettings = z.infer<typeof batchSettingsSchema>;

export const createBatchSchema = batchSettingsSchema
  .extend({
    tasks: z
      .array(batchTaskSchema)
      .min(1, "A batch needs at least one task.")
      .max(MAX_TASKS, `A batch holds at most ${MAX_TASKS} tasks; split the list into several batches.`),
  })
  .superRefine((body, ctx) => {
    // Each task must make a valid Create Call body on this channel (e.g. a phone number for "call").
    for (const [i, task] of body.tasks.entries()) {
      for (const issue of taskIssues(body.channel, task)) {
        ctx.addIssue({ code: "custom", path: ["tasks", i, ...issue.path.map(String)], message: issue.message });
      }
    }
    if (body.allowDuplicates) return;
    for (const d of duplicatePhones(body.tasks).slice(0, 100)) {
      ctx.addIssue({
        code: "custom",
        path: ["tasks", d.row - 1, "customerPhone"],
        message: `Row ${d.row} repeats the phone number ${d.phone} of row ${d.firstRow}. Remove it, or send allowDuplicates: true.`,
      });
    }
  });
export type CreateBatchInput = z.infer<typeof createBatchSchema>;

export const BATCH_ACTIONS = ["pause", "resume", "cancel"] as const;
export const updateBatchSchema = z.strictObject({
  action: z.enum(BATCH_ACTIONS, { message: `action must be one of ${BATCH_ACTIONS.join(", ")}.` }),
});
export type UpdateBatchInput = z.infer<typeof updateBatchSchema>;

export const listBatchesQuerySchema = z.strictObject({
  status: z.enum(BATCH_STATES, { message: `status must be one of ${BATCH_STATES.join(", ")}.` }).optional(),
  ...pagingQuery,
});
export type ListBatchesQuery = z.infer<typeof listBatchesQuerySchema>;

/**
 * The batch events stream's cursor: `<status>-<progressAt ms>-<updatedAt ms>`, the version of the batch a client
 * has seen. The statuses are BATCH_STATES spelled out: lib/redos.test.ts refuses a pattern built at run time.
 */
export const batchCursorSchema = z
  .string()
  .regex(
    /^(scheduled|running|paused|completed|cancelled)-\d{1,15}-\d{1,15}$/,
    "Last-Event-ID must be an event id this stream sent, such as running-1741790000000-1741790000000.",
  );
export const batchEventsQuerySchema = z.strictObject({ lastEventId: batchCursorSchema.optional() });

export const listTasksQuerySchema = z.strictObject({
  state: z.enum(TASK_STATES, { message: `state must be one of ${TASK_STATES.join(", ")}.` }).optional(),
  ...pagingQuery,
});
export type ListTasksQuery = z.infer<typeof listTasksQuerySchema>;

const countsSchema = z.object(
  Object.fromEntries(TASK_STATES.map((s) => [s, z.number().int()])) as Record<TaskState, z.ZodNumber>,
);

export const batchSchema = z.object({
  id: z.string(),
  name: z.string(),
  agentId: z.string(),
  skillId: z.string(),
  channel: channelSchema,
  status: z.enum(BATCH_STATES),
  startAt: z.string(),
  timezone: z.string(),
  callingWindows: z.array(callingWindowSchema),
  concurrency: z.number().int(),
  pacingPerSecond: z.number(),
  retry: retryPolicySchema,
  simulate: z.boolean(),
  taskCount: z.number().int(),
  /** Tasks by state, counted now. */
  counts: countsSchema,
  /** Finished tasks (completed, failed, cancelled) as a share of all, 0 to 1. */
  progress: z.number(),
  /** When the last task should finish at the rate so far; null before the first finishes or once done. */
  eta: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
  links: z.object({ self: z.string(), tasks: z.string() }),
});
export type Batch = z.infer<typeof batchSchema>;

export const batchTaskObjectSchema = z.object({
  id: z.string(),
  row: z.number().int(),
  state: z.enum(TASK_STATES),
  customerName: z.string().nullable(),
  customerPhone: z.string().nullable(),
  customerEmail: z.string().nullable(),
  attempts: z.number().int(),
  runAt: z.string(),
  /** The latest attempt's interaction (GET /api/v1/calls/{id}); null until it starts. */
  interactionId: z.string().nullable(),
  /** The last interaction's end status, or why the task could not start. */
  outcome: z.union([statusSchema, z.string()]).nullable(),
  updatedAt: z.string(),
  links: z.object({ interaction: z.string().nullable() }),
});
export type BatchTaskObject = z.infer<typeof batchTaskObjectSchema>;
