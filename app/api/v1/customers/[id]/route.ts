// GET /api/v1/customers/{id}: one customer (their interactions: GET /api/v1/calls?customerId=…).
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { getCustomer } from "@/server/customers/service";

export const GET = route({ auth: "api", params: idParamsSchema }, async ({ params }) =>
  Response.json(await getCustomer(params.id)),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
