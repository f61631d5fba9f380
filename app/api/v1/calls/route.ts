// POST /api/v1/calls: create an interaction (200, as the reference; Idempotency-Key honoured). GET: list, newest
// first; with Accept: text/csv, the CSV export of the same filters.
import { listResponse, methodNotAllowed, parseBody, parseHeader, readJsonObject } from "@/lib/http";
import { route } from "@/lib/route";
import { csvResponse, wantsCsv } from "@/server/calls/csv";
import { idempotencyScope } from "@/server/calls/idempotency";
import { type Call, createCallSchema, idempotencyKeySchema, listCallsQuerySchema } from "@/server/calls/schema";
import { createCall, createCallOnce, listCalls } from "@/server/calls/service";
import { laneOf } from "@/server/engine/lanes";

// The body is parsed here, not by route(): with an Idempotency-Key the raw body is also the replay fingerprint.
export const POST = route({ auth: "api" }, async ({ req, auth }) => {
  const key = parseHeader(req, "Idempotency-Key", idempotencyKeySchema);
  if (!key) {
    const call = await createCall(await parseBody(req, createCallSchema), laneOf(auth));
    return Response.json(call, { status: 200, headers: { Location: call.links.self } });
  }
  const { call, replayed } = await createCallOnce(await readJsonObject(req), key, idempotencyScope(auth), laneOf(auth));
  const headers: Record<string, string> = { Location: (call as Call).links.self };
  if (replayed) headers["Idempotent-Replayed"] = "true";
  return Response.json(call, { status: 200, headers });
});

export const GET = route({ auth: "api", query: listCallsQuerySchema }, async ({ req, query }) => {
  // Accept: text/csv exports every interaction the filters match, as GET /calls.csv does.
  if (wantsCsv(req)) {
    const { page: _page, limit: _limit, ...filter } = query;
    return csvResponse(filter);
  }
  const { items, total } = await listCalls(query);
  return listResponse(req, items, total, query.page, query.limit);
});

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
