// Health, liveness and the OpenAPI document itself.
import { healthSchema, pingSchema } from "@/server/system/schema";
import { NO_STORE, type Operation } from "../types";

export const systemOperations: Operation[] = [
  {
    method: "get",
    path: "/api/health",
    operationId: "getHealth",
    summary: "Readiness",
    description: "200 once the database is reachable and fully migrated, 503 before.",
    tag: "System",
    auth: "public",
    responses: {
      200: { description: "Ready.", body: healthSchema, headers: NO_STORE },
      503: { description: "Not ready yet.", body: healthSchema, headers: NO_STORE },
    },
  },
  {
    method: "get",
    path: "/api/ping",
    operationId: "ping",
    summary: "Liveness",
    tag: "System",
    auth: "public",
    responses: { 200: { description: "Alive.", body: pingSchema, headers: NO_STORE } },
  },
  {
    method: "get",
    path: "/api/metrics",
    operationId: "getMetrics",
    summary: "Prometheus metrics",
    description:
      "This instance's metrics in the Prometheus text format: requests and latency per route, the engine's queue per lane " +
      "(depth and oldest wait), engine steps, the webhook backlog, open live streams and model latency. Send " +
      "`Authorization: Bearer <METRICS_TOKEN>`, or call it signed in as an admin. See docs/scaling.md.",
    tag: "System",
    auth: "public",
    errors: [401, 403],
    responses: { 200: { description: "The metrics, as text/plain; version=0.0.4.", headers: NO_STORE } },
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This OpenAPI 3.1 document",
    description: "Generated from the same zod schemas the handlers validate with.",
    tag: "System",
    auth: "public",
    responses: { 200: { description: "The OpenAPI document." } },
  },
];
