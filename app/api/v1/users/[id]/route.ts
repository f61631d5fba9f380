// GET/PUT /api/v1/users/{id} (name, role, active); DELETE removes the account and its sessions. Admins only.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { updateStaffUserSchema } from "@/server/staff/schema";
import { getStaffUser, removeStaffUser, updateStaffUser } from "@/server/staff/service";

export const GET = route({ auth: "admin", params: idParamsSchema }, async ({ params }) =>
  Response.json(await getStaffUser(params.id)),
);

export const PUT = route({ auth: "admin", params: idParamsSchema, body: updateStaffUserSchema }, async ({ params, body, auth }) =>
  Response.json(await updateStaffUser(auth, params.id, body)),
);

export const DELETE = route({ auth: "admin", params: idParamsSchema }, async ({ params, auth }) => {
  await removeStaffUser(auth, params.id);
  return new Response(null, { status: 204 });
});

export const { POST, PATCH } = methodNotAllowed(["GET", "PUT", "DELETE"]);
