// GET /api/metrics: Prometheus text format. Its own credential (METRICS_TOKEN as a bearer token) or an
// admin's session, so a scraper needs no API key that could create calls.
import { methodNotAllowed } from "@/lib/http";
import { route } from "@/lib/route";
import { authorizeMetrics, scrapeMetrics } from "@/server/metrics/service";

export const GET = route({ auth: "public" }, async ({ req }) => {
  await authorizeMetrics(req);
  const { contentType, body } = await scrapeMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);
