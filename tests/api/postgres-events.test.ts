// On PostgreSQL a viewer connected to one instance follows an interaction that another instance's
// worker runs: the bus cannot see that work, so the database catch-up poll must deliver it.
import { describe, expect, inject, it } from "vitest";
import { newDatabase, prepareDatabase, startApp } from "../support/app";
import { AGENT_ID, api, basicAuth, SKILL_ID } from "../support/api";

describe("live events across instances", () => {
  it("streams changes written by another instance's worker", async () => {
    expect(inject("dialect")).toBe("postgresql");
    const db = await newDatabase("postgresql");
    prepareDatabase(db.url);
    const [worker, viewer] = await Promise.all([
      startApp(db.url, { SIMULATOR_STEP_MS: "60", WORKER_POLL_MS: "20" }),
      startApp(db.url, { WORKER_ENABLED: "false" }),
    ]);
    try {
      const created = await api(
        "POST",
        "/api/v1/calls",
        { agentId: AGENT_ID, skillId: SKILL_ID, channel: "sms", customerName: "Remote Viewer", customerPhone: "+14155550399" },
        {},
        viewer.url,
      );
      expect(created.status).toBe(200);
      const res = await fetch(`${viewer.url}/api/v1/calls/${created.body.id}/events`, {
        headers: { authorization: basicAuth() },
      });
      expect(res.status).toBe(200);
      // The stream ends by itself once the other instance completes the interaction.
      const text = await res.text();
      const calls = text
        .split("\n\n")
        .filter((block) => block.startsWith("event: call"))
        .map((block) => JSON.parse(block.slice(block.indexOf("data: ") + 6)));
      expect(calls.length).toBeGreaterThan(1);
      expect(calls[calls.length - 1].status).toBe("completed");
      expect(text).toContain("event: message");
      expect(text).toContain("event: status");
    } finally {
      await Promise.all([worker.stop(), viewer.stop()]);
      await db.drop();
    }
  });
});
