import { describe, expect, it } from "vitest";
import { metrics, routeLabel, timeModel } from "./metrics";

describe("routeLabel", () => {
  it("folds ids into :id and keeps the route's words", () => {
    expect(routeLabel("/api/v1/calls/0b6f1c2e-1a2b-4c3d-8e9f-0123456789ab/events")).toBe("/api/v1/calls/:id/events");
    expect(routeLabel("/api/v1/calls")).toBe("/api/v1/calls");
    expect(routeLabel("/api/chat/AbCdEfGhIjKlMnOpQrStUvWx/messages")).toBe("/api/chat/:id/messages");
    expect(routeLabel("/api/v1/webhooks/12/deliveries")).toBe("/api/v1/webhooks/:id/deliveries");
  });

  it("stops growing the label set after 200 patterns", () => {
    for (let i = 0; i < 300; i++)
      routeLabel(
        `/api/v1/word${"x".repeat(i % 19)}${String.fromCharCode(97 + (i % 26))}/${i % 2 ? "a" : "b"}${Math.floor(i / 52)}`,
      );
    expect(routeLabel("/api/v1/never-seen-before")).toBe(":other");
    expect(routeLabel("/api/v1/calls")).toBe("/api/v1/calls");
  });
});

describe("timeModel", () => {
  it("counts successes and failures apart", async () => {
    await timeModel("turn", async () => "ok");
    await expect(timeModel("turn", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    const text = await metrics.registry.getSingleMetricAsString("callboard_model_request_duration_seconds");
    expect(text).toMatch(/callboard_model_request_duration_seconds_count\{use="turn",outcome="ok"\} 1/);
    expect(text).toMatch(/callboard_model_request_duration_seconds_count\{use="turn",outcome="error"\} 1/);
  });
});
