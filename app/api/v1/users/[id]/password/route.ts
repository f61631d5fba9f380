// PUT /api/v1/users/{id}/password: an admin sets someone else's password; that person's sessions end.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { idParamsSchema } from "@/lib/validation";
import { setStaffPasswordSchema } from "@/server/staff/schema";
import { setStaffPassword } from "@/server/staff/passwords";

export const PUT = route(
  { auth: "admin", params: idParamsSchema, body: setStaffPasswordSchema },
  async ({ params, body, auth }) => Response.json(await setStaffPassword(auth, params.id, body)),
);

export const { GET, POST, PATCH, DELETE } = methodNotAllowed(["PUT"]);
