// On PostgreSQL several instances share the engine's work: two app instances on one database run a
// batch of interactions together, both do some of the work, and no step is ever applied twice.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { newDatabase, prepareDatabase, startApp } from "../support/app";
import { AGENT_ID, api, SKILL_ID, waitForTerminal } from "../support/api";

describe("two workers on one Postgres database", () => {
  it("share the work without processing anything twice", async () => {
    expect(inject("dialect")).toBe("postgresql");
    const db = await newDatabase("postgresql");
    prepareDatabase(db.url);
    const env = { SIMULATOR_STEP_MS: "30", WORKER_POLL_MS: "20" };
    const [a, b] = await Promise.all([startApp(db.url, env), startApp(db.url, env)]);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 16; i++) {
        const target = i % 2 ? a.url : b.url;
        const res = await api(
          "POST",
          "/api/v1/calls",
          {
            agentId: AGENT_ID,
            skillId: SKILL_ID,
            channel: i % 3 ? "sms" : "call",
            customerName: `Pair ${i}`,
            customerPhone: `+1415555060${String(i).padStart(2, "0")}`,
          },
          {},
          target,
        );
        expect(res.status).toBe(200);
        ids.push(res.body.id);
      }
      for (const id of ids) {
        const done = await waitForTerminal(id, 60_000, a.url);
        expect(done.status).toBe("completed");
        const statuses = done.statusHistory.map((h: { status: string }) => h.status);
        expect(new Set(statuses).size, statuses.join(",")).toBe(statuses.length);
        const sids = done.messages.map((m: { sid: string }) => m.sid);
        expect(new Set(sids).size).toBe(sids.length);
      }
      // Both instances did engine work (the history records which worker made each change).
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const workers = await client.query(`SELECT DISTINCT "workerId" FROM "StatusChange" WHERE "workerId" IS NOT NULL`);
      const duplicates = await client.query(
        `SELECT "interactionId", "toStatus", count(*) FROM "StatusChange" GROUP BY 1, 2 HAVING count(*) > 1`,
      );
      await client.end();
      expect(workers.rowCount).toBe(2);
      expect(duplicates.rowCount).toBe(0);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await db.drop();
    }
  });
});
