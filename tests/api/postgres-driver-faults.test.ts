// A driver transaction (lib/sql.ts: Create Call, the engine's steps) whose connection is killed between
// two of its statements, as a Postgres restart does. The statement after fails as "database unavailable",
// the process does not crash (vitest fails the run on an uncaught exception), and the pool serves the
// next transaction on a fresh connection.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { newDatabase, prepareDatabase } from "../support/app";
import { disconnectInProcessDatabase, importWithDatabase } from "../support/in-process";

describe("a driver transaction on Postgres", () => {
  it("fails cleanly when its connection is killed between statements, and the next one works", { timeout: 60_000 }, async () => {
    expect(inject("dialect")).toBe("postgresql");
    const database = await newDatabase("postgresql");
    prepareDatabase(database.url);
    const { sqlTransaction } = await importWithDatabase(database.url, () => import("@/lib/sql"));
    const { isDatabaseUnavailable } = await import("@/lib/db-faults");
    const killer = new pg.Client({ connectionString: database.url });
    await killer.connect();
    try {
      const failed = await sqlTransaction(async (tx) => {
        const me = await tx.one<{ pid: number }>("SELECT pg_backend_pid() AS pid");
        await killer.query("SELECT pg_terminate_backend($1)", [me?.pid]);
        // Give the driver time to see the connection close while it is checked out and idle.
        await new Promise((r) => setTimeout(r, 300));
        await tx.one("SELECT 1 AS one");
      }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failed).not.toBeNull();
      expect(isDatabaseUnavailable(failed)).toBe(true);

      const again = await sqlTransaction((tx) => tx.one<{ one: number }>("SELECT 1 AS one"));
      expect(again).toEqual({ one: 1 });
    } finally {
      await killer.end();
      await disconnectInProcessDatabase();
      await database.drop();
    }
  });
});
