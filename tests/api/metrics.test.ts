// GET /api/metrics (Prometheus): who may scrape it, and that it carries the instance's request metrics and
// the shared queue's depth per lane, read from the database at scrape time.
import { describe, expect, it } from "vitest";
import { TEST_ADMIN } from "../support/app";
import { AGENT_ID, api, asSession, SKILL_ID, signIn, withApp } from "../support/api";

const TOKEN = "metrics-token-for-the-tests-0123";

describe("GET /api/metrics", () => {
  it("answers a scraper's token or an admin, and counts requests and queued work per lane", { timeout: 120_000 }, async () => {
    await withApp({ METRICS_TOKEN: TOKEN, WORKER_ENABLED: "false" }, async (app) => {
      const scrape = (headers: Record<string, string>) => fetch(`${app.url}/api/metrics`, { headers });

      const anonymous = await scrape({});
      expect(anonymous.status).toBe(401);
      expect((await anonymous.json()).error.code).toBe("unauthorized");
      const wrong = await scrape({ authorization: "Bearer not-the-token-at-all-000" });
      expect(wrong.status).toBe(401);
      // An API credential may create calls, but not read the operator's metrics.
      const integrator = await api("GET", "/api/metrics", undefined, {}, app.url);
      expect(integrator.status).toBe(403);

      for (let i = 0; i < 3; i++) {
        const created = await api(
          "POST",
          "/api/v1/calls",
          {
            agentId: AGENT_ID,
            skillId: SKILL_ID,
            channel: "sms",
            customerName: `Metrics ${i}`,
            customerPhone: `+1415558000${i}`,
          },
          {},
          app.url,
        );
        expect(created.status).toBe(200);
        await api("GET", `/api/v1/calls/${created.body.id}`, undefined, {}, app.url);
      }

      const res = await scrape({ authorization: `Bearer ${TOKEN}` });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
      const text = await res.text();
      expect(text).toMatch(
        /callboard_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/calls",status="200"\} 3/,
      );
      // Ids are folded, so three reads are one series.
      expect(text).toMatch(
        /callboard_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/calls\/:id",status="200"\} 3/,
      );
      expect(text).toMatch(/callboard_queue_due_jobs\{lane="api"\} 3/);
      expect(text).toMatch(/callboard_queue_due_jobs\{lane="interactive"\} 0/);
      expect(text).toMatch(/callboard_queue_oldest_due_seconds\{lane="api"\} \d/);
      expect(text).toMatch(/callboard_webhook_pending_deliveries 0/);
      expect(text).toMatch(/callboard_sse_open_streams 0/);
      expect(text).toMatch(/callboard_process_resident_memory_bytes \d/);

      const { jar } = await signIn(TEST_ADMIN.email, TEST_ADMIN.password, app.url);
      const admin = await api("GET", "/api/metrics", undefined, asSession(jar, app.url), app.url);
      expect(admin.status).toBe(200);
      expect(String(admin.body)).toContain("callboard_engine_steps_total");
    });
  });
});
