// No interaction stays non-terminal forever: one left on hold past STALE_INTERACTION_MINUTES is ended
// by the sweeper as "expired", with the reason recorded. An outbound web chat waiting for its customer
// is kept as long as its link is valid.
import { describe, expect, inject, it } from "vitest";
import { newDatabase, prepareDatabase, startApp } from "../support/app";
import { AGENT_ID, api, SKILL_ID, waitForTerminal } from "../support/api";

describe("sweeper", () => {
  it("expires an interaction with no activity", async () => {
    const db = await newDatabase(inject("dialect"));
    prepareDatabase(db.url);
    // 0.05 minutes = 3 s of inactivity; the steps are slow enough to put the call on hold first.
    const app = await startApp(db.url, { STALE_INTERACTION_MINUTES: "0.05", SIMULATOR_STEP_MS: "300" });
    try {
      const created = await api(
        "POST",
        "/api/v1/calls",
        { agentId: AGENT_ID, skillId: SKILL_ID, channel: "call", customerPhone: "+14155550501" },
        {},
        app.url,
      );
      await expect
        .poll(async () => (await api("GET", `/api/v1/calls/${created.body.id}`, undefined, {}, app.url)).body.status, {
          timeout: 20_000,
          interval: 50,
        })
        .toBe("in-progress");
      // Two web chats: one still waiting for its customer to open the link, one the customer left.
      const chat = (name: string) =>
        api(
          "POST",
          "/api/v1/calls",
          { agentId: AGENT_ID, skillId: SKILL_ID, channel: "webchat", customerName: name },
          {},
          app.url,
        );
      const waiting = (await chat("Not Yet Opened")).body;
      const left = (await chat("Gone Quiet")).body;
      const token = left.links.chat.slice(left.links.chat.lastIndexOf("/") + 1);
      expect(
        (await api("POST", `/api/chat/${token}/messages`, { content: "Hello?" }, { authorization: "" }, app.url)).status,
      ).toBe(201);
      const held = await api("PUT", `/api/v1/calls/${created.body.id}`, { status: "on-hold" }, {}, app.url);
      expect(held.status).toBe(200);
      const done = await waitForTerminal(created.body.id, 30_000, app.url);
      expect(done.status).toBe("expired");
      expect(done.endReason).toContain("ended by the sweeper");
      expect(done.statusHistory.at(-1)).toMatchObject({ status: "expired", previousStatus: "on-hold", actor: "sweeper" });
      expect((await waitForTerminal(left.id, 30_000, app.url)).status).toBe("expired");
      // The unopened chat's link is valid for CHAT_LINK_TTL_SECONDS: it waits for its customer.
      const stillWaiting = (await api("GET", `/api/v1/calls/${waiting.id}`, undefined, {}, app.url)).body;
      expect(stillWaiting.status).toBe("initiated");
    } finally {
      await app.stop();
      await db.drop();
    }
  });
});
