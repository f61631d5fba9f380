import { describe, expect, it } from "vitest";
import { batchFormDefaults, batchFormSchema } from "./form-schema";

const AGENT = "123e4567-e89b-42d3-a456-426614174000";
const SKILL = "223e4567-e89b-42d3-a456-426614174000";
const values = { ...batchFormDefaults("Europe/Madrid"), name: " April renewals ", agentId: AGENT, skillId: SKILL };

describe("the New batch form schema", () => {
  it("turns the inputs into the API's settings, leaving the calling hours out until they are asked for", () => {
    expect(batchFormSchema.parse(values)).toEqual({
      name: "April renewals",
      agentId: AGENT,
      skillId: SKILL,
      channel: "call",
      timezone: "Europe/Madrid",
      concurrency: 5,
      pacingPerSecond: 1,
      allowDuplicates: false,
    });
  });

  it("sends the window, an instant for the start, and the API's defaults for empty numbers", () => {
    const parsed = batchFormSchema.parse({
      ...values,
      startAt: "2026-12-07T09:30",
      concurrency: "",
      pacingPerSecond: " ",
      useWindow: true,
    });
    expect(parsed.startAt).toEqual(new Date("2026-12-07T09:30"));
    expect(parsed.concurrency).toBeUndefined();
    expect(parsed.pacingPerSecond).toBeUndefined();
    expect(parsed.callingWindows).toEqual([{ days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "18:00" }]);
  });

  it("asks for an agent and a skill in plain words", () => {
    const parsed = batchFormSchema.safeParse({ ...values, agentId: "", skillId: "" });
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["agentId", "Choose an agent."],
      ["skillId", "Choose a skill."],
    ]);
  });

  it("puts the API's own messages on the form's paths", () => {
    const parsed = batchFormSchema.safeParse({
      ...values,
      timezone: "Mars/Olympus",
      concurrency: "500",
      useWindow: true,
      callingWindows: [{ days: [], start: "18:00", end: "09:00" }],
    });
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual([
      "timezone",
      "callingWindows.0.days",
      "callingWindows.0.end",
      "concurrency",
    ]);
  });
});
