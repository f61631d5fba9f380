// Calls and their live event streams.
import { z } from "zod";
import referenceRequest from "@/docs/reference/create-call.request.json";
import {
  callIdParamsSchema,
  callSchema,
  createCallSchema,
  exportCallsQuerySchema,
  idempotencyKeySchema,
  listCallsQuerySchema,
  recordingQuerySchema,
  updateCallSchema,
} from "@/server/calls/schema";
import { correctAnalysisSchema } from "@/server/analysis/schema";
import { callCursorSchema, callEventsQuerySchema, feedCursorSchema, feedEventsQuerySchema } from "@/server/events/schema";
import type { HeaderParam, Operation } from "../types";

export const lastEventId = (schema: z.ZodType): HeaderParam => ({
  name: "Last-Event-ID",
  schema,
  description: "Resume after this event id (EventSource sends it on reconnect); the `lastEventId` query parameter does the same.",
});

export const callOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/calls",
    operationId: "createCall",
    summary: "Create an interaction",
    description:
      "Starts an interaction on any channel. Wire-compatible with the reference Create Call API: answers **200** with the call object. " +
      "With `Idempotency-Key`, a retry with the same key and body answers the first result (`Idempotent-Replayed: true`); " +
      "the same key with another body is a 422.",
    tag: "Calls",
    auth: "api",
    headers: [
      {
        name: "Idempotency-Key",
        schema: idempotencyKeySchema,
        description: "Any unique string (e.g. a UUID) to make retries safe.",
      },
    ],
    body: createCallSchema,
    // The reference API's documented example (docs/reference/).
    bodyExample: referenceRequest,
    responses: {
      200: { description: "The new interaction.", body: callSchema, headers: ["Location", "Idempotent-Replayed"] },
    },
    errors: [409],
  },
  {
    method: "get",
    path: "/api/v1/calls",
    operationId: "listCalls",
    summary: "List interactions",
    description:
      "Newest first, filtered and paged. `q` searches customer name, phone and e-mail; `sentiment` and `successful` filter on the " +
      "post-call analysis. With `Accept: text/csv` the answer is the CSV export of every interaction the filters match " +
      "(`page` and `limit` are ignored), as GET /api/v1/calls.csv.",
    tag: "Calls",
    auth: "api",
    query: listCallsQuerySchema,
    responses: { 200: { description: "One page of interactions.", body: callSchema, list: true } },
  },
  {
    method: "get",
    path: "/api/v1/calls.csv",
    operationId: "exportCallsCsv",
    summary: "Export interactions as CSV",
    description:
      "Every interaction the list's filters match, newest first, streamed: one header row, then one row per interaction with " +
      "the call object's scalar fields and the post-call analysis (`extracted` as JSON). A cell starting with =, +, -, @, tab " +
      "or carriage return is prefixed with ' so spreadsheets never run it as a formula.",
    tag: "Calls",
    auth: "api",
    query: exportCallsQuerySchema,
    responses: {
      200: {
        description: "The CSV file (RFC 4180, UTF-8).",
        contentType: "text/csv",
        headers: ["Content-Disposition", "Cache-Control"],
      },
    },
  },
  {
    method: "get",
    path: "/api/v1/calls/{id}",
    operationId: "getCall",
    summary: "Get an interaction",
    tag: "Calls",
    auth: "api",
    params: callIdParamsSchema,
    responses: { 200: { description: "The call object.", body: callSchema } },
  },
  {
    method: "put",
    path: "/api/v1/calls/{id}",
    operationId: "updateCall",
    summary: "Change an interaction's agent, status or note",
    description: "Only legal status changes are accepted: any other answers 409 `invalid_transition` with `error.allowed`.",
    tag: "Calls",
    auth: "api",
    params: callIdParamsSchema,
    body: updateCallSchema,
    responses: { 200: { description: "The changed call object.", body: callSchema } },
    errors: [409],
  },
  {
    method: "put",
    path: "/api/v1/calls/{id}/analysis",
    operationId: "correctCallAnalysis",
    summary: "Correct an interaction's post-call analysis",
    description:
      "Replaces the fields sent (the rest are kept; `extracted` is merged by field name) and records who corrected it and when " +
      "(`analysis.correctedBy`, `analysis.correctedAt`). 409 while the interaction is live: there is no analysis yet.",
    tag: "Calls",
    auth: "api",
    params: callIdParamsSchema,
    body: correctAnalysisSchema,
    responses: { 200: { description: "The call object with the corrected analysis.", body: callSchema } },
    errors: [409],
  },
  {
    method: "get",
    path: "/api/v1/calls/{id}/recording",
    operationId: "getCallRecording",
    summary: "Download a voice recording",
    description:
      "Open `recordingUrl` from the call object: its signed `token` authorises the request instead of credentials, and expires. " +
      "`Range` fetches a slice (players seek with it). One link answers at most RECORDING_RATE_LIMIT_PER_MINUTE requests a minute.",
    tag: "Calls",
    auth: "public",
    params: callIdParamsSchema,
    query: recordingQuerySchema,
    headers: [
      {
        name: "Range",
        schema: z.string(),
        description: "One byte range: `bytes=first-last`, `bytes=first-` or `bytes=-count` (several ranges get the whole file).",
      },
    ],
    responses: {
      200: {
        description: "The WAV recording.",
        contentType: "audio/wav",
        headers: ["Content-Disposition", "Cache-Control", "Accept-Ranges"],
      },
      206: {
        description: "The requested slice of the recording.",
        contentType: "audio/wav",
        headers: ["Content-Range", "Content-Disposition", "Cache-Control", "Accept-Ranges"],
      },
    },
    errors: [401, 403, 404, 416, 429],
  },
];

const STREAM_LIMITS =
  "At most SSE_MAX_STREAMS_PER_PRINCIPAL streams per credential or staff member are open at once (429 above it); " +
  "a client that stops reading is disconnected and resumes with Last-Event-ID.";

export const liveEventOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/calls/{id}/events",
    operationId: "streamCallEvents",
    summary: "Follow one interaction live (Server-Sent Events)",
    description:
      "`event: call` carries the whole Call (first on connect, then after every change; its `id` is the resume cursor); " +
      "`event: message` a new Message; `event: status` a StatusChange; `event: analyzed` the whole Call once its post-call " +
      "analysis is written. The stream ends after a terminal status, once the analysis is no longer pending (at most 10 s later). " +
      STREAM_LIMITS,
    tag: "Live events",
    auth: "api",
    params: callIdParamsSchema,
    query: callEventsQuerySchema,
    headers: [lastEventId(callCursorSchema)],
    responses: {
      200: { description: "An event stream of call, message and status events.", contentType: "text/event-stream" },
      204: { description: "A resume of an ended interaction that missed nothing: the stream is over." },
    },
  },
  {
    method: "get",
    path: "/api/v1/events",
    operationId: "streamAllEvents",
    summary: "Follow every interaction live (Server-Sent Events)",
    description:
      "`event: call` with a CallSummary whenever any interaction changes; its `id` is the resume cursor (a resume may repeat a few summaries, never skips one). " +
      STREAM_LIMITS,
    tag: "Live events",
    auth: "api",
    query: feedEventsQuerySchema,
    headers: [lastEventId(feedCursorSchema)],
    responses: { 200: { description: "An event stream of call summaries.", contentType: "text/event-stream" } },
  },
];
