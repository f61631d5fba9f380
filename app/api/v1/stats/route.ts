// GET /api/v1/stats: live and today's interaction counters for the overview.
import { handler, methodNotAllowed, parseQuery } from "@/lib/http";
import { requireApiAuth } from "@/server/auth/authenticate";
import { statsQuerySchema } from "@/server/stats/schema";
import { getStats } from "@/server/stats/service";

export const GET = handler(async ({ req }) => Response.json(await getStats(parseQuery(req, statsQuerySchema))), {
  before: requireApiAuth,
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
