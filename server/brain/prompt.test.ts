import { describe, expect, it } from "vitest";
import { conversationMessages, systemPrompt } from "./prompt";
import { line, testContext } from "./test-context";

describe("systemPrompt", () => {
  it("carries the instructions, the customer's facts, the channel's style, the language and the time", () => {
    const prompt = systemPrompt(testContext());
    expect(prompt).toContain("You are Ava, an agent of the Order updates team");
    expect(prompt).toContain("Be brief. Never promise refunds.");
    expect(prompt).toContain("Name: Nina Patel");
    expect(prompt).toContain("Phone: +14155550100");
    expect(prompt).toContain("Order: A-1042");
    expect(prompt).toContain("live web chat");
    expect(prompt).toContain("en-US");
    expect(prompt).toContain("2026-12-03T10:00:00.000Z");
  });

  it("has a style rule per channel", () => {
    expect(systemPrompt(testContext({ channel: "sms" }))).toContain("under 320 characters");
    expect(systemPrompt(testContext({ channel: "call" }))).toContain("short spoken sentences");
    expect(systemPrompt(testContext({ channel: "email" }))).toContain("letter");
  });
});

describe("conversationMessages", () => {
  it("maps sides to roles, marks staff turns, drops internal lines and joins consecutive turns", () => {
    const messages = conversationMessages([
      line("agent", "Hello Nina."),
      line("customer", "Hi."),
      line("customer", "Where is my order?"),
      line("tool", "lookup_custom_field → A-1042", { internal: true }),
      line("system", "Sam took over", { internal: true }),
      line("staff", "Let me check.", { senderName: "Sam" }),
      line("agent", "It ships tomorrow."),
    ]);
    expect(messages).toEqual([
      { role: "assistant", content: "Hello Nina." },
      { role: "user", content: "Hi.\nWhere is my order?" },
      { role: "assistant", content: "[written by staff member Sam] Let me check.\nIt ships tomorrow." },
    ]);
  });
});
