// GET /api/v1/calls/{id}/events: the call's live event stream (Server-Sent Events), resumable with
// Last-Event-ID. See server/events/stream.ts for the events.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { callIdParamsSchema } from "@/server/calls/schema";
import { callCursorSchema, callEventsQuerySchema } from "@/server/events/schema";
import { lastEventIdHeader } from "@/server/events/sse";
import { callEventsResponse } from "@/server/events/stream";

export const dynamic = "force-dynamic";

export const GET = route(
  { auth: "api", params: callIdParamsSchema, query: callEventsQuerySchema },
  async ({ req, params, query, auth }) =>
    callEventsResponse(params.id, lastEventIdHeader(req, callCursorSchema) ?? query.lastEventId, req.signal, auth),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
