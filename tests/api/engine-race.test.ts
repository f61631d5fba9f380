// A staff hold racing an engine step. The app serves the API with its worker off; this test runs the
// engine's steps itself against the same database.
// - On Postgres, through runJob's afterRead hook, it puts the call on hold (a real PUT to the app) after
//   the step has read the interaction and before it writes. The step must not apply against the status
//   it read, and the job must stay queued until the call is resumed, down to the last step, after which
//   the call ends with its transcript.
// - On SQLite there is one writer, and a step takes the write lock before it reads (BEGIN IMMEDIATE), so
//   nothing can change between its read and its write: the hook proves no other connection can write
//   then. (The race itself cannot happen there, so the hold is put between steps.)
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";
import { sqliteFilePath } from "@/lib/db-adapter";
import { newDatabase, prepareDatabase, startApp } from "../support/app";
import { AGENT_ID, api, SKILL_ID } from "../support/api";
import { disconnectInProcessDatabase, importWithDatabase } from "../support/in-process";

const WORKER = "race-test-worker";

describe("an engine step racing a staff hold", () => {
  it("re-reads the call instead of applying its step or finishing the job", { timeout: 180_000 }, async () => {
    const dialect = inject("dialect");
    const database = await newDatabase(dialect);
    prepareDatabase(database.url);
    const app = await startApp(database.url, { WORKER_ENABLED: "false" });
    const engine = await importWithDatabase(database.url, async () => ({
      ...(await import("@/server/engine/run-job")),
      ...(await import("@/server/engine/queries")),
      db: (await import("@/lib/db")).db,
    }));
    try {
      const created = await api(
        "POST",
        "/api/v1/calls",
        { agentId: AGENT_ID, skillId: SKILL_ID, channel: "call", customerName: "Race Hold", customerPhone: "+14155550177" },
        {},
        app.url,
      );
      expect(created.status).toBe(200);
      const id = created.body.id as string;
      const call = async () => (await api("GET", `/api/v1/calls/${id}`, undefined, {}, app.url)).body;
      const setStatus = async (status: string) =>
        expect((await api("PUT", `/api/v1/calls/${id}`, { status }, {}, app.url)).status).toBe(200);
      const pendingJob = () =>
        engine.db.job.findFirst({ where: { interactionId: id, state: "pending" }, select: { step: true } });

      /** SQLite: whether a second connection could take the write lock right now (it gives it back at once). */
      const otherWriterCanWrite = () => {
        const other = new Database(sqliteFilePath(database.url), { timeout: 0 });
        try {
          other.exec("BEGIN IMMEDIATE");
          other.exec("ROLLBACK");
          return true;
        } catch (error) {
          if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
          return false;
        } finally {
          other.close();
        }
      };

      const racedSteps = new Set<number>();
      let holds = 0;
      for (let run = 0; run < 60; run++) {
        const before = await call();
        if (before.status === "completed") break;
        // Due now, whatever pacing or backoff the last run chose.
        await engine.db.job.updateMany({ where: { interactionId: id, state: "pending" }, data: { runAt: new Date(0) } });
        const [job] = await engine.claimDueJobs(WORKER, 1);
        expect(job, `no job for a call that is still ${before.status}`).toBeDefined();

        // Each step loses one race, then runs undisturbed.
        let raced = false;
        let writableDuringStep: boolean | undefined;
        await engine.runJob(job, WORKER, {
          afterRead: async (read) => {
            if (raced || racedSteps.has(job.step) || read.status !== "in-progress") return;
            raced = true;
            racedSteps.add(job.step);
            if (dialect === "postgresql") await setStatus("on-hold");
            else writableDuringStep = otherWriterCanWrite();
          },
        });
        if (!raced) continue;
        if (dialect === "sqlite") {
          expect(writableDuringStep, "another connection could write between a step's read and its write").toBe(false);
          expect(otherWriterCanWrite()).toBe(true);
          // The step applied; a hold now lands between two steps, where the next one must wait for it.
          if ((await call()).status !== "in-progress") continue;
          await setStatus("on-hold");
          holds++;
          await engine.db.job.updateMany({ where: { interactionId: id, state: "pending" }, data: { runAt: new Date(0) } });
          const [held] = await engine.claimDueJobs(WORKER, 1);
          await engine.runJob(held, WORKER);
          const after = await call();
          expect(after.status).toBe("on-hold");
          expect(await pendingJob()).toEqual({ step: held.step });
          await setStatus("in-progress");
          continue;
        }
        holds++;
        const after = await call();
        expect(after.status).toBe("on-hold");
        expect(after.messages).toHaveLength(before.messages.length);
        expect(after.transcription).toBeNull();
        expect(await pendingJob()).toEqual({ step: job.step });
        await setStatus("in-progress");
      }

      const final = await call();
      expect(final.status).toBe("completed");
      expect(final.transcription).toMatch(/^Agent: /);
      expect(final.recordingUrl).toBeTruthy();
      // Every step from the first agent line to the end lost a race once.
      expect(racedSteps.size).toBeGreaterThan(5);
      expect(final.statusHistory.filter((h: { status: string }) => h.status === "on-hold")).toHaveLength(holds);
    } finally {
      await disconnectInProcessDatabase();
      await app.stop();
      await database.drop();
    }
  });
});
