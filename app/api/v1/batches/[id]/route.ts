// GET /api/v1/batches/{id}: one batch with its live counts, progress and ETA. PUT: pause, resume or cancel it.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { updateBatchSchema } from "@/server/batches/schema";
import { getBatch, updateBatch } from "@/server/batches/service";

export const GET = route({ auth: "api", params: idParamsSchema }, async ({ params }) => Response.json(await getBatch(params.id)));

export const PUT = route({ auth: "api", params: idParamsSchema, body: updateBatchSchema }, async ({ params, body }) =>
  Response.json(await updateBatch(params.id, body)),
);

export const { POST, PATCH, DELETE } = methodNotAllowed(["GET", "PUT"]);
