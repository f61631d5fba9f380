// Inputs and outputs of the live event streams: the resume cursor, from the Last-Event-ID header (sent by
// EventSource on reconnect) or the lastEventId query parameter (for clients that cannot set headers).
import { z } from "zod";
import { channelSchema, statusSchema } from "@/server/calls/status";

/** `<updatedAt ms>-<message count>-<status change count>`: what a per-call viewer has already seen. */
export const callCursorSchema = z
  .string()
  .regex(/^\d{1,15}-\d{1,6}-\d{1,6}$/, "Last-Event-ID must be an event id this stream sent, such as 1741790000000-4-3.");

/** The all-calls feed resumes from an updatedAt in milliseconds. */
export const feedCursorSchema = z
  .string()
  .regex(/^\d{1,15}$/, "Last-Event-ID must be an event id this stream sent (a time in milliseconds).");

export const callEventsQuerySchema = z.strictObject({ lastEventId: callCursorSchema.optional() });
export const feedEventsQuerySchema = z.strictObject({ lastEventId: feedCursorSchema.optional() });

/** The `data` of GET /events' `call` event: a short summary of a call that changed. */
export const callSummarySchema = z.object({
  id: z.string(),
  status: statusSchema,
  channel: channelSchema,
  customerName: z.string(),
  agentId: z.string(),
  skillId: z.string(),
  simulated: z.boolean(),
  /** The agent handed off: a person should step in. */
  needsPerson: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  endedAt: z.string().nullable(),
});

/** A NOTIFY payload from another instance (server/events/pg-notify.ts); anything else is ignored. */
export const callNotificationSchema = z.object({
  callId: z.string().min(1).max(100),
  kind: z.enum(["status", "message", "updated"]),
  origin: z.string().min(1).max(100),
});
