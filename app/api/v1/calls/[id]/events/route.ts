// GET /api/v1/calls/{id}/events: the call's live event stream (Server-Sent Events), resumable with
// Last-Event-ID. See server/events/stream.ts for the events.
import { handler, methodNotAllowed, parseParams, parseQuery } from "@/lib/http";
import { requireApiAuth } from "@/server/auth/authenticate";
import { callIdParamsSchema } from "@/server/calls/schema";
import { callCursorSchema, callEventsQuerySchema } from "@/server/events/schema";
import { lastEventIdHeader } from "@/server/events/sse";
import { callEventsResponse } from "@/server/events/stream";

export const dynamic = "force-dynamic";

export const GET = handler(
  async ({ req, params, auth }) => {
    const { id } = parseParams(params, callIdParamsSchema);
    const query = parseQuery(req, callEventsQuerySchema);
    return callEventsResponse(id, lastEventIdHeader(req, callCursorSchema) ?? query.lastEventId, req.signal, auth);
  },
  { before: requireApiAuth },
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
