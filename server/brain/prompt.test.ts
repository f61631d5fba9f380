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

describe("systemPrompt with a knowledge base", () => {
  const passage = {
    passageId: "p1",
    sourceName: "Returns policy",
    heading: "Returns",
    text: "Items may be returned within 30 days.",
    score: 1.5,
  };
  const knowledge = (passages: (typeof passage)[]) => ({ question: "Return window?", passages, search: async () => passages });

  it("adds the grounding rule and the passages with their source names", () => {
    const prompt = systemPrompt(testContext({ knowledge: knowledge([passage]) }));
    expect(prompt).toContain("Grounding rule");
    expect(prompt).toContain("transfer_to_human");
    expect(prompt).toContain("[1] Returns policy › Returns\nItems may be returned within 30 days.");
  });

  it("says when nothing matched, and has no knowledge section without knowledge bases", () => {
    expect(systemPrompt(testContext({ knowledge: knowledge([]) }))).toContain("No passage of the knowledge base matches");
    expect(systemPrompt(testContext())).not.toContain("Grounding rule");
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
