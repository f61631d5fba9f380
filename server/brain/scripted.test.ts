import { describe, expect, it } from "vitest";
import { scriptedBrain } from "./scripted";
import { line, testContext } from "./test-context";

const replyTo = (...said: string[]) =>
  scriptedBrain.decide(testContext({ history: [line("agent", "Hello Nina."), ...said.map((s) => line("customer", s))] }));

describe("the scripted brain", () => {
  it("acknowledges what the customer said", async () => {
    const turn = await replyTo("My parcel is late.");
    expect(turn.reply).toContain('"My parcel is late."');
    expect(turn.end).toBeUndefined();
    expect(turn.handoff).toBeUndefined();
  });

  it("ends on a goodbye and hands off when a person is asked for", async () => {
    expect((await replyTo("Thanks, bye!")).end?.outcome).toBe("resolved");
    const handoff = await replyTo("Can I talk to a real person?");
    expect(handoff.reply).toBeNull();
    expect(handoff.handoff?.reason).toMatch(/asked for a person/);
  });

  it("ends after a few turns, and is the same on every replay", async () => {
    const history = [line("agent", "Hello")];
    for (let i = 0; i < 4; i++) history.push(line("customer", `Question ${i}`), line("agent", `Answer ${i}`));
    history.push(line("customer", "And another question"));
    const turn = await scriptedBrain.decide(testContext({ history }));
    expect(turn.end?.outcome).toBe("follow-up");
    expect(await scriptedBrain.decide(testContext({ history }))).toEqual(turn);
  });
});
