// GET /api/v1/batches/{id}/events: the batch's progress as Server-Sent Events, resumable with
// Last-Event-ID. See server/batches/events.ts for the events.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { batchEventsResponse } from "@/server/batches/events";
import { batchCursorSchema, batchEventsQuerySchema } from "@/server/batches/schema";
import { lastEventIdHeader } from "@/server/events/sse";

export const dynamic = "force-dynamic";

export const GET = route(
  { auth: "api", params: idParamsSchema, query: batchEventsQuerySchema },
  async ({ req, params, query, auth }) =>
    batchEventsResponse(params.id, lastEventIdHeader(req, batchCursorSchema) ?? query.lastEventId, req.signal, auth),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
