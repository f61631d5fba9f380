// Batch campaigns: many recipients for one agent, skill and channel, started by the dispatcher.
import { idParamsSchema } from "@/lib/validation";
import {
  batchCursorSchema,
  batchEventsQuerySchema,
  batchSchema,
  batchTaskObjectSchema,
  createBatchSchema,
  listBatchesQuerySchema,
  listTasksQuerySchema,
  MAX_TASKS,
  updateBatchSchema,
} from "@/server/batches/schema";
import type { Operation } from "../types";
import { lastEventId } from "./calls";

const item = "/api/v1/batches/{id}";

export const batchOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/batches",
    operationId: "createBatch",
    summary: "Create a batch campaign",
    description:
      `Up to ${MAX_TASKS} tasks and 10 MB, written in one transaction: the batch exists with all its tasks or not at all. ` +
      "Each task is checked as a Create Call body on the batch's channel. A phone number repeated in the batch answers " +
      "422 naming the rows, unless `allowDuplicates` is true. Tasks start from `startAt` (now by default), only inside " +
      "`callingWindows` in `timezone`, at most `concurrency` at a time and `pacingPerSecond` per second; an interaction " +
      "that ends busy, no-answer or voicemail is tried again after `retry`'s delay, `count` more times.",
    tag: "Batches",
    auth: "api",
    body: createBatchSchema,
    bodyExample: {
      name: "March renewals",
      agentId: "123e4567-e89b-12d3-a456-426614174000",
      skillId: "123e4567-e89b-12d3-a456-426614174001",
      channel: "call",
      timezone: "America/New_York",
      callingWindows: [{ days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "18:00" }],
      concurrency: 5,
      pacingPerSecond: 1,
      retry: { busy: { count: 2, delayMinutes: 30 }, noAnswer: { count: 1, delayMinutes: 120 } },
      tasks: [
        { customerOverride: { firstName: "Maria", lastName: "Lopez", phoneNumber: "+14155550123" } },
        {
          customerPhone: "+14155550124",
          customerName: "Dev Patel",
          customerOverride: { customFields: [{ name: "plan", value: "Pro" }] },
        },
      ],
    },
    errors: [413],
    responses: { 201: { description: "The batch, scheduled or running.", body: batchSchema, headers: ["Location"] } },
  },
  {
    method: "get",
    path: "/api/v1/batches",
    operationId: "listBatches",
    summary: "List batch campaigns",
    description: "Newest first, each with its live counts by task state.",
    tag: "Batches",
    auth: "api",
    query: listBatchesQuerySchema,
    responses: { 200: { description: "One page of batches.", body: batchSchema, list: true } },
  },
  {
    method: "get",
    path: item,
    operationId: "getBatch",
    summary: "Get a batch campaign",
    description: "Its task counts by state, progress (finished share) and ETA, counted now.",
    tag: "Batches",
    auth: "api",
    params: idParamsSchema,
    responses: { 200: { description: "The batch.", body: batchSchema } },
  },
  {
    method: "put",
    path: item,
    operationId: "updateBatch",
    summary: "Pause, resume or cancel a batch campaign",
    description:
      "Pause stops new starts; resume continues; cancel also cancels every task not yet started. Interactions already " +
      "under way run to their end. 409 when the batch's status does not allow the action.",
    tag: "Batches",
    auth: "api",
    params: idParamsSchema,
    body: updateBatchSchema,
    errors: [409],
    responses: { 200: { description: "The changed batch.", body: batchSchema } },
  },
  {
    method: "get",
    path: `${item}/tasks`,
    operationId: "listBatchTasks",
    summary: "List a batch's tasks",
    description: "In upload order (`row`), each with its latest interaction's id and end status.",
    tag: "Batches",
    auth: "api",
    params: idParamsSchema,
    query: listTasksQuerySchema,
    responses: { 200: { description: "One page of tasks.", body: batchTaskObjectSchema, list: true } },
  },
  {
    method: "get",
    path: `${item}/events`,
    operationId: "streamBatchEvents",
    summary: "Follow a batch campaign's progress (Server-Sent Events)",
    description:
      "`event: progress` carries the whole Batch: first on connect, then whenever its counts or status move (at most about " +
      "once a second). `event: completed` carries it once it has completed or been cancelled, and the stream ends. Each " +
      "event's `id` is the batch's version: a resume after the final event answers 204. The same moments go to webhooks " +
      "as `batch.progress` and `batch.completed`.",
    tag: "Batches",
    auth: "api",
    params: idParamsSchema,
    query: batchEventsQuerySchema,
    headers: [lastEventId(batchCursorSchema)],
    responses: {
      200: { description: "An event stream of progress and completed events.", contentType: "text/event-stream" },
      204: { description: "A resume of a finished batch that missed nothing: the stream is over." },
    },
  },
];
