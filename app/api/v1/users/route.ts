// GET /api/v1/users: list staff accounts. POST: create one. Admins signed in to the dashboard only.
import { listResponse, methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { createStaffUserSchema, staffUserListQuerySchema } from "@/server/staff/schema";
import { createStaffUser, listStaffUsers } from "@/server/staff/service";

export const GET = route({ auth: "admin", query: staffUserListQuerySchema }, async ({ req, query }) => {
  const { items, total } = await listStaffUsers(query);
  return listResponse(req, items, total, query.page, query.limit);
});

export const POST = route({ auth: "admin", body: createStaffUserSchema }, async ({ body }) =>
  Response.json(await createStaffUser(body), { status: 201 }),
);

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);
