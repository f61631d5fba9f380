// GET /api/v1/customers/{id}: one customer (their interactions: GET /api/v1/calls?customerId=…).
import { handler, methodNotAllowed, parseParams } from "@/lib/http";
import { idParamsSchema } from "@/lib/validation";
import { requireApiAuth } from "@/server/auth/authenticate";
import { getCustomer } from "@/server/customers/service";

export const GET = handler(async ({ params }) => Response.json(await getCustomer(parseParams(params, idParamsSchema).id)), {
  before: requireApiAuth,
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
