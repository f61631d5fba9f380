// GET /api/v1/batches/{id}/tasks: the batch's tasks in upload order, paged, each with its interaction.
import { listResponse, methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { listTasksQuerySchema } from "@/server/batches/schema";
import { listBatchTasks } from "@/server/batches/service";

export const GET = route({ auth: "api", params: idParamsSchema, query: listTasksQuerySchema }, async ({ req, params, query }) => {
  const { items, total } = await listBatchTasks(params.id, query);
  return listResponse(req, items, total, query.page, query.limit);
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
