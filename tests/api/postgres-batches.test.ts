// On PostgreSQL two instances dispatch the same batch: both dispatchers claim from one task list, and
// the guarded pending → started change (in the transaction that creates the interaction) lets exactly
// one of them start each task. Batch interactions wait in the engine's batch lane.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { LANES } from "@/server/engine/lanes";
import { newDatabase, prepareDatabase, startApp } from "../support/app";
import { AGENT_ID, api, SKILL_ID } from "../support/api";

describe("two dispatchers on one Postgres database", () => {
  it("start every task exactly once", { timeout: 180_000 }, async () => {
    expect(inject("dialect")).toBe("postgresql");
    const db = await newDatabase("postgresql");
    prepareDatabase(db.url);
    const env = { SIMULATOR_STEP_MS: "40", WORKER_POLL_MS: "20" };
    const [a, b] = await Promise.all([startApp(db.url, env), startApp(db.url, env)]);
    const n = 30;
    try {
      const res = await api(
        "POST",
        "/api/v1/batches",
        {
          name: "Two-instance renewals",
          agentId: AGENT_ID,
          skillId: SKILL_ID,
          channel: "sms",
          timezone: "Europe/Berlin",
          concurrency: n,
          pacingPerSecond: 50,
          tasks: Array.from({ length: n }, (_, i) => ({ customerPhone: `+1415555${String(7000 + i)}` })),
        },
        {},
        a.url,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const id = res.body.id as string;
      await expect
        .poll(async () => (await api("GET", `/api/v1/batches/${id}`, undefined, {}, b.url)).body.status, {
          timeout: 120_000,
          interval: 200,
        })
        .toBe("completed");

      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const tasks = await client.query(`SELECT attempts, "interactionId", state FROM "BatchTask" WHERE "batchId" = $1`, [id]);
        expect(tasks.rows.every((t) => t.attempts === 1 && t.state === "completed")).toBe(true);
        expect(new Set(tasks.rows.map((t) => t.interactionId)).size).toBe(n);
        // No interaction was left behind by a claim that lost: each one belongs to a task.
        const calls = await client.query(`SELECT id, lane, "laneKey" FROM "Interaction"`);
        expect(calls.rowCount).toBe(n);
        expect(calls.rows.every((c) => c.lane === LANES.batch && c.laneKey === `batch:${id}`)).toBe(true);
      } finally {
        await client.end();
      }
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await db.drop();
    }
  });
});
