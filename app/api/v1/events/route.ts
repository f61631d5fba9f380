// GET /api/v1/events: a live stream (Server-Sent Events) of short summaries of every call that
// changes, for list and overview pages. Resumable with Last-Event-ID.
import { handler, methodNotAllowed, parseQuery } from "@/lib/http";
import { requireApiAuth } from "@/server/auth/authenticate";
import { feedCursorSchema, feedEventsQuerySchema } from "@/server/events/schema";
import { lastEventIdHeader } from "@/server/events/sse";
import { feedEventsResponse } from "@/server/events/stream";

export const dynamic = "force-dynamic";

export const GET = handler(
  async ({ req, auth }) => {
    const query = parseQuery(req, feedEventsQuerySchema);
    return feedEventsResponse(lastEventIdHeader(req, feedCursorSchema) ?? query.lastEventId, req.signal, auth);
  },
  { before: requireApiAuth },
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
