// POST /api/v1/batches: create a batch campaign with its tasks (201). GET: list batches, newest first, with live counts.
import { listResponse, methodNotAllowed, parseBodyValue, readJsonObject } from "@/lib/http";
import { route } from "@/lib/route";
import { createBatchSchema, listBatchesQuerySchema, MAX_BATCH_BODY_BYTES } from "@/server/batches/schema";
import { createBatch, listBatches } from "@/server/batches/service";

// The body is read here, not by route(): a batch may be far larger than MAX_BODY_BYTES (up to 10 MB).
export const POST = route({ auth: "api" }, async ({ req }) => {
  const body = parseBodyValue(await readJsonObject(req, MAX_BATCH_BODY_BYTES), createBatchSchema);
  const batch = await createBatch(body);
  return Response.json(batch, { status: 201, headers: { Location: batch.links.self } });
});

export const GET = route({ auth: "api", query: listBatchesQuerySchema }, async ({ req, query }) => {
  const { items, total } = await listBatches(query);
  return listResponse(req, items, total, query.page, query.limit);
});

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
