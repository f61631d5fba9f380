// GET/PUT /api/v1/users/{id} (name, role, active); DELETE removes the account and its sessions. Admins only.
import { handler, methodNotAllowed, parseBody, parseParams } from "@/lib/http";
import { idParamsSchema } from "@/lib/validation";
import { requireAdmin } from "@/server/auth/authenticate";
import type { StaffPrincipal } from "@/server/auth/session";
import { updateStaffUserSchema } from "@/server/staff/schema";
import { getStaffUser, removeStaffUser, updateStaffUser } from "@/server/staff/service";

type Params = Record<string, string>;

export const GET = handler(async ({ params }) => Response.json(await getStaffUser(parseParams(params, idParamsSchema).id)), {
  before: requireAdmin,
});

export const PUT = handler<Params, StaffPrincipal>(
  async ({ req, params, auth }) => {
    const { id } = parseParams(params, idParamsSchema);
    return Response.json(await updateStaffUser(auth, id, await parseBody(req, updateStaffUserSchema)));
  },
  { before: requireAdmin },
);

export const DELETE = handler<Params, StaffPrincipal>(
  async ({ params, auth }) => {
    await removeStaffUser(auth, parseParams(params, idParamsSchema).id);
    return new Response(null, { status: 204 });
  },
  { before: requireAdmin },
);

export const { POST, PATCH } = methodNotAllowed(["GET", "PUT", "DELETE"]);
