// On PostgreSQL two instances dispatch the same batch: both dispatchers claim from one task list, and
// the guarded pending → started change (in the transaction that creates the interaction) lets exactly
// one of them start each task, and never more of its interactions run at once than its concurrency.
// Batch interactions wait in the engine's batch lane.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { TERMINAL } from "@/server/calls/status";
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

  it("keep the batch within its concurrency between them", { timeout: 180_000 }, async () => {
    const db = await newDatabase("postgresql");
    prepareDatabase(db.url);
    // Slow conversations, so that each instance finds free slots often while the other is starting.
    const env = { SIMULATOR_STEP_MS: "150", WORKER_POLL_MS: "20" };
    const [a, b] = await Promise.all([startApp(db.url, env), startApp(db.url, env)]);
    const cap = 3;
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const res = await api(
        "POST",
        "/api/v1/batches",
        {
          name: "Capped renewals",
          agentId: AGENT_ID,
          skillId: SKILL_ID,
          channel: "sms",
          timezone: "Europe/Berlin",
          concurrency: cap,
          pacingPerSecond: 50,
          tasks: Array.from({ length: 18 }, (_, i) => ({ customerPhone: `+1415555${String(7100 + i)}` })),
        },
        {},
        a.url,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const id = res.body.id as string;
      // The batch's interactions not yet ended, sampled until the batch completes.
      let most = 0;
      for (const deadline = Date.now() + 150_000; ; ) {
        const live = await client.query(
          `SELECT count(*)::int AS n FROM "Interaction" WHERE "laneKey" = $1 AND NOT (status = ANY($2))`,
          [`batch:${id}`, [...TERMINAL]],
        );
        most = Math.max(most, live.rows[0].n);
        const batch = await client.query(`SELECT status FROM "Batch" WHERE id = $1`, [id]);
        if (batch.rows[0].status === "completed" || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      expect((await api("GET", `/api/v1/batches/${id}`, undefined, {}, b.url)).body.status).toBe("completed");
      expect(most).toBe(cap);
    } finally {
      await client.end();
      await Promise.all([a.stop(), b.stop()]);
      await db.drop();
    }
  });
});
