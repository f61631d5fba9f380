// GET /api/health: 503 until the database is migrated, then 200 with the dialect and migrations.
import { describe, expect, inject, it } from "vitest";
import { newDatabase, prepareDatabase, startApp } from "../support/app";
import { baseUrl } from "../support/api";

describe("health", () => {
  it("reports the dialect and applied migrations without auth", async () => {
    const res = await fetch(`${baseUrl()}/api/health`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: "ok", database: inject("dialect"), migrations: { pending: 0 } });
    expect(body.migrations.applied).toBeGreaterThan(0);
  });

  it("answers 503 before migrations, and 200 once they are applied", async () => {
    const db = await newDatabase(inject("dialect"));
    const app = await startApp(db.url, { WORKER_ENABLED: "false" }, undefined, { untilHealthy: false });
    try {
      const before = await fetch(`${app.url}/api/health`);
      expect(before.status).toBe(503);
      expect((await before.json()).status).toBe("unavailable");
      prepareDatabase(db.url);
      // Polled: migrating Postgres takes longer than the server's keep-alive, so the first request may
      // meet a closed pooled socket.
      await expect.poll(async () => (await fetch(`${app.url}/api/health`)).status, { timeout: 10_000 }).toBe(200);
    } finally {
      await app.stop();
      await db.drop();
    }
  });
});
