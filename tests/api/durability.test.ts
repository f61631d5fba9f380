// The engine is durable: SIGKILL the server mid-interaction, start it again on the same database, and
// every interaction resumes and ends cleanly, with no message or status applied twice.
import { describe, expect, inject, it } from "vitest";
import { newDatabase, prepareDatabase, startApp } from "../support/app";
import { AGENT_ID, api, SKILL_ID, waitForTerminal } from "../support/api";

type Msg = { sid: string; sender: string };
type Change = { status: string };

describe("durability", () => {
  it("resumes interactions after the server is killed with SIGKILL", async () => {
    const db = await newDatabase(inject("dialect"));
    prepareDatabase(db.url);
    const slow = { SIMULATOR_STEP_MS: "400" };
    let app = await startApp(db.url, slow);
    const ids: string[] = [];
    try {
      for (const [i, channel] of ["call", "sms", "webchat"].entries()) {
        const res = await api(
          "POST",
          "/api/v1/calls",
          {
            agentId: AGENT_ID,
            skillId: SKILL_ID,
            channel,
            customerName: `Kill Test ${i}`,
            customerPhone: `+1415555040${i}`,
            simulate: true,
          },
          {},
          app.url,
        );
        expect(res.status).toBe(200);
        ids.push(res.body.id);
      }
      // Let every interaction get under way, then kill the process without any chance to clean up.
      await expect
        .poll(
          async () => {
            const calls = await Promise.all(ids.map((id) => api("GET", `/api/v1/calls/${id}`, undefined, {}, app.url)));
            return calls.every((c) => c.body.messages.length >= 1);
          },
          { timeout: 20_000, interval: 100 },
        )
        .toBe(true);
      const before = await Promise.all(ids.map((id) => api("GET", `/api/v1/calls/${id}`, undefined, {}, app.url)));
      expect(before.some((c) => c.body.status === "completed")).toBe(false);
      await app.kill();

      app = await startApp(db.url, slow, app.port);
      for (const id of ids) {
        const done = await waitForTerminal(id, 60_000, app.url);
        expect(done.status).toBe("completed");
        const sids = done.messages.map((m: Msg) => m.sid);
        expect(new Set(sids).size).toBe(sids.length);
        expect(done.messages.length).toBe(7);
        const statuses = done.statusHistory.map((h: Change) => h.status);
        expect(new Set(statuses).size, `history ${statuses.join(",")}`).toBe(statuses.length);
        expect(statuses.at(-1)).toBe("completed");
      }
    } finally {
      await app.stop();
      await db.drop();
    }
  });
});
