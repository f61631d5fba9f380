// GET /api/v1/analytics: aggregates over a range of days (buckets, outcomes, durations, agents, skills).
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { analyticsQuerySchema } from "@/server/analytics/schema";
import { getAnalytics } from "@/server/analytics/service";

export const GET = route({ auth: "api", query: analyticsQuerySchema }, async ({ query }) =>
  Response.json(await getAnalytics(query)),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
