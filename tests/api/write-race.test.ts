// Two writers to one interaction at once, the way a provider's webhooks arrive: Twilio posts the answer
// (an answering machine picked up) and the "in-progress" status callback in parallel. Each handler reads
// the interaction inside its transaction with findForWrite, then moves it on. Whichever commits second
// must see the first one's change, never skip its own: the voicemail must end the call as voicemail,
// even though the status callback moved it to in-progress while the voicemail handler was working.
import { describe, expect, inject, it } from "vitest";
import { newDatabase, prepareDatabase } from "../support/app";
import { AGENT_ID, SKILL_ID } from "../support/api";
import { disconnectInProcessDatabase, importWithDatabase } from "../support/in-process";

describe("two webhooks writing one interaction at once", () => {
  it("the second sees the first's change instead of losing its own", { timeout: 120_000 }, async () => {
    const database = await newDatabase(inject("dialect"));
    prepareDatabase(database.url);
    const m = await importWithDatabase(database.url, async () => ({
      ...(await import("@/server/conversations/queries")),
      ...(await import("@/server/conversations/apply")),
      ...(await import("@/server/calls/insert")),
      ...(await import("@/lib/sql")),
      db: (await import("@/lib/db")).db,
    }));
    try {
      const row = await m.insertCall({ agentId: AGENT_ID, skillId: SKILL_ID, channel: "call", customerPhone: "+14155550188" });
      await m.db.interaction.update({ where: { id: row.id }, data: { status: "ringing" } });

      let voicemailRead!: () => void;
      const read = new Promise<void>((resolve) => (voicemailRead = resolve));
      const voicemail = m.writeTx(async (tx) => {
        const call = (await m.findForWrite(tx, row.id))!;
        expect(call.status).toBe("ringing");
        voicemailRead();
        // The status callback comes in now, while this handler still works from what it read.
        await new Promise((r) => setTimeout(r, 500));
        await m.appendMessage(tx, call, { sender: "agent", content: "Please call us back." });
        return m.endConversation(tx, call, "voicemail", "An answering machine picked up.");
      });
      await read;
      const answered = m.writeTx(async (tx) => {
        const call = (await m.findForWrite(tx, row.id))!;
        await m.advanceTo(tx, call, ["queued", "initiated", "ringing", "in-progress"]);
        return call.status;
      });

      expect(await voicemail).toBe(true);
      expect(await answered).toBe("voicemail");
      const after = await m.db.interaction.findUniqueOrThrow({
        where: { id: row.id },
        select: { status: true, history: { select: { fromStatus: true, toStatus: true }, orderBy: { createdAt: "asc" } } },
      });
      expect(after.status).toBe("voicemail");
      expect(after.history.map((c) => `${c.fromStatus}→${c.toStatus}`)).not.toContain("ringing→in-progress");
    } finally {
      await disconnectInProcessDatabase();
      await database.drop();
    }
  });
});
