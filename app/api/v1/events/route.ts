// GET /api/v1/events: a live stream (Server-Sent Events) of short summaries of every call that
// changes, for list and overview pages. Resumable with Last-Event-ID.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { feedCursorSchema, feedEventsQuerySchema } from "@/server/events/schema";
import { lastEventIdHeader } from "@/server/events/sse";
import { feedEventsResponse } from "@/server/events/stream";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "api", query: feedEventsQuerySchema }, async ({ req, query, auth }) =>
  feedEventsResponse(lastEventIdHeader(req, feedCursorSchema) ?? query.lastEventId, req.signal, auth),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
