// GET /api/v1/customers: list, searchable by name, phone or e-mail (q).
import { listResponse, methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { customerListQuerySchema } from "@/server/customers/schema";
import { listCustomers } from "@/server/customers/service";

export const GET = route({ auth: "api", query: customerListQuerySchema }, async ({ req, query }) => {
  const { items, total } = await listCustomers(query);
  return listResponse(req, items, total, query.page, query.limit);
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
