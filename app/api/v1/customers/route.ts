// GET /api/v1/customers: list, searchable by name, phone or e-mail (q).
import { handler, listResponse, methodNotAllowed, parseQuery } from "@/lib/http";
import { requireApiAuth } from "@/server/auth/authenticate";
import { customerListQuerySchema } from "@/server/customers/schema";
import { listCustomers } from "@/server/customers/service";

export const GET = handler(
  async ({ req }) => {
    const query = parseQuery(req, customerListQuerySchema);
    const { items, total } = await listCustomers(query);
    return listResponse(req, items, total, query.page, query.limit);
  },
  { before: requireApiAuth },
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
