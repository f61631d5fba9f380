// GET /api/v1/stats: live and today's interaction counters for the overview.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { statsQuerySchema } from "@/server/stats/schema";
import { getStats } from "@/server/stats/service";

export const GET = route({ auth: "api", query: statsQuerySchema }, async ({ query }) => Response.json(await getStats(query)));

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
