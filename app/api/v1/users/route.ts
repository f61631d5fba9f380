// GET /api/v1/users: list staff accounts. POST: create one. Admins signed in to the dashboard only.
import { handler, listResponse, methodNotAllowed, parseBody, parseQuery } from "@/lib/http";
import { requireAdmin } from "@/server/auth/authenticate";
import { createStaffUserSchema, staffUserListQuerySchema } from "@/server/staff/schema";
import { createStaffUser, listStaffUsers } from "@/server/staff/service";

export const GET = handler(
  async ({ req }) => {
    const query = parseQuery(req, staffUserListQuerySchema);
    const { items, total } = await listStaffUsers(query);
    return listResponse(req, items, total, query.page, query.limit);
  },
  { before: requireAdmin },
);

export const POST = handler(
  async ({ req }) => Response.json(await createStaffUser(await parseBody(req, createStaffUserSchema)), { status: 201 }),
  { before: requireAdmin },
);

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
