// Prometheus metrics of this process (GET /api/metrics, server/metrics). One registry per process, kept
// on globalThis: Next may load each route bundle as its own module instance, and they must all count
// into the same metrics. Gauges that describe the database (queue depth, webhook backlog) are read at
// scrape time by server/metrics/service.ts, so nothing here polls.
import client from "prom-client";

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "callboard_" });
  return {
    registry,
    httpDuration: new client.Histogram({
      name: "callboard_http_request_duration_seconds",
      help: "API requests by route pattern, method and status, with their latency.",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    engineSteps: new client.Counter({
      name: "callboard_engine_steps_total",
      help: "Engine job steps run by this instance, by job kind.",
      labelNames: ["kind"] as const,
      registers: [registry],
    }),
    modelDuration: new client.Histogram({
      name: "callboard_model_request_duration_seconds",
      help: "Model requests (agent turns, post-call analysis, embeddings), by use and outcome.",
      labelNames: ["use", "outcome"] as const,
      buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64],
      registers: [registry],
    }),
  };
}

const globalForMetrics = globalThis as unknown as { callboardMetrics?: ReturnType<typeof createMetrics> };
globalForMetrics.callboardMetrics ??= createMetrics();
export const metrics = globalForMetrics.callboardMetrics;

// Ids in paths would make one series per interaction: they are folded into `:id`. Whatever else a caller
// puts in a path (a fuzzer's random words) could still grow the label set without end, so after
// MAX_ROUTES distinct patterns, new ones count as ":other".
const ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|[A-Za-z0-9_-]{20,})$/i;
const MAX_ROUTES = 200;
const seenRoutes = new Set<string>();

/** The route pattern of a request path, for a label: /api/v1/calls/0b6f…/events → /api/v1/calls/:id/events. */
export function routeLabel(pathname: string): string {
  const label = pathname
    .split("/")
    .map((segment) => (ID_SEGMENT.test(segment) ? ":id" : segment))
    .join("/");
  if (seenRoutes.has(label)) return label;
  if (seenRoutes.size >= MAX_ROUTES) return ":other";
  seenRoutes.add(label);
  return label;
}

/** Times a model request into callboard_model_request_duration_seconds. */
export async function timeModel<T>(use: "turn" | "analysis" | "embedding", fn: () => Promise<T>): Promise<T> {
  const end = metrics.modelDuration.startTimer({ use });
  try {
    const result = await fn();
    end({ outcome: "ok" });
    return result;
  } catch (error) {
    end({ outcome: "error" });
    throw error;
  }
}
