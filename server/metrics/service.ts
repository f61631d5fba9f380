// GET /api/metrics: this instance's Prometheus metrics (lib/metrics.ts) plus gauges read from the shared
// database at scrape time. Scraped with `Authorization: Bearer $METRICS_TOKEN`, or by a signed-in admin.
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { metrics } from "@/lib/metrics";
import { requireAdmin } from "@/server/auth/authenticate";
import { LANES } from "@/server/engine/lanes";
import { openStreamCount } from "@/server/events/sse";
import { queueByLane, webhookBacklog } from "./queries";
import client from "prom-client";

const LANE_NAMES = Object.fromEntries(Object.entries(LANES).map(([name, n]) => [n, name])) as Record<number, string>;

const digest = (s: string) => createHash("sha256").update(s).digest();

/** A scraper's bearer token (compared in constant time), else an admin's dashboard session. */
export async function authorizeMetrics(req: Request): Promise<void> {
  const bearer = /^Bearer (.+)$/.exec(req.headers.get("authorization") ?? "")?.[1];
  if (bearer !== undefined) {
    if (env.METRICS_TOKEN && timingSafeEqual(digest(bearer), digest(env.METRICS_TOKEN))) return;
    throw new ApiError("unauthorized", "The metrics token is wrong. Send Authorization: Bearer with METRICS_TOKEN.");
  }
  await requireAdmin(req);
}

// Gauges set from the database right before each scrape; registered once per process, like the rest.
const globalForGauges = globalThis as unknown as { callboardScrapeGauges?: ReturnType<typeof createGauges> };
function createGauges() {
  const registers = [metrics.registry];
  return {
    queueDue: new client.Gauge({
      name: "callboard_queue_due_jobs",
      help: "Engine jobs due now and not yet run, per lane (shared by every instance on this database).",
      labelNames: ["lane"] as const,
      registers,
    }),
    queueAge: new client.Gauge({
      name: "callboard_queue_oldest_due_seconds",
      help: "How long the oldest due job of each lane has waited.",
      labelNames: ["lane"] as const,
      registers,
    }),
    webhookPending: new client.Gauge({
      name: "callboard_webhook_pending_deliveries",
      help: "Webhook deliveries not yet delivered or given up (the backlog).",
      registers,
    }),
    webhookAge: new client.Gauge({
      name: "callboard_webhook_oldest_pending_seconds",
      help: "Age of the oldest undelivered webhook delivery.",
      registers,
    }),
    sseStreams: new client.Gauge({
      name: "callboard_sse_open_streams",
      help: "Live event streams this instance holds open.",
      registers,
    }),
  };
}
globalForGauges.callboardScrapeGauges ??= createGauges();
const gauges = globalForGauges.callboardScrapeGauges;

export async function scrapeMetrics(): Promise<{ contentType: string; body: string }> {
  const now = new Date();
  const [queue, webhooks] = await Promise.all([queueByLane(now), webhookBacklog()]);
  const age = (oldest: Date | null) => (oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0);
  for (const [n, name] of Object.entries(LANE_NAMES)) {
    const row = queue.find((r) => r.lane === Number(n));
    gauges.queueDue.set({ lane: name }, row?.due ?? 0);
    gauges.queueAge.set({ lane: name }, age(row?.oldest ?? null));
  }
  gauges.webhookPending.set(webhooks.pending);
  gauges.webhookAge.set(age(webhooks.oldest));
  gauges.sseStreams.set(openStreamCount());
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}
