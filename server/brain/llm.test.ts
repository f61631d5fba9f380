// The model brain against a loopback OpenAI-compatible server: tool handling, retries, hand-off.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeLlm, startFakeLlm } from "@/tests/support/fake-llm";
import { line, testContext } from "./test-context";
import type { Brain } from "./types";

let llm: FakeLlm;
let brain: Brain;

beforeAll(async () => {
  llm = await startFakeLlm();
  // lib/env reads the environment once, at first import.
  process.env.LLM_BASE_URL = llm.baseUrl;
  process.env.LLM_MODEL = "fake-model";
  process.env.LLM_TIMEOUT_MS = "1000";
  process.env.LLM_MAX_ATTEMPTS = "3";
  brain = (await import("./llm")).llmBrain;
});

afterAll(async () => {
  for (const key of ["LLM_BASE_URL", "LLM_MODEL", "LLM_TIMEOUT_MS", "LLM_MAX_ATTEMPTS"]) delete process.env[key];
  await llm.close();
});

const asked = (text: string, extra = {}) =>
  testContext({ history: [line("agent", "Hello Nina."), line("customer", text)], ...extra });

describe("the model brain", () => {
  it("streams its reply and counts the tokens", async () => {
    llm.queue({ text: "Your order ships tomorrow." });
    const partial: string[] = [];
    const turn = await brain.decide(asked("When does it ship?"), { onText: (t) => partial.push(t) });
    expect(turn.reply).toBe("Your order ships tomorrow.");
    expect(partial.length).toBeGreaterThan(1);
    expect(partial.at(-1)).toBe("Your order ships tomorrow.");
    expect(turn.usage).toEqual({ promptTokens: 42, completionTokens: 7 });
    const request = llm.requests.at(-1);
    expect(request?.stream).toBe(true);
    expect(request?.messages.at(-1)).toMatchObject({ role: "user", content: "When does it ship?" });
  });

  it("runs lookup_custom_field and hands the result back to the model in the same turn", async () => {
    llm.queue({ tool: "lookup_custom_field", args: { name: "order" } }, { text: "It is A-1042." });
    const turn = await brain.decide(asked("What is my order number?"));
    expect(turn.reply).toBe("It is A-1042.");
    expect(turn.tools).toEqual([{ name: "lookup_custom_field", input: { name: "order" }, output: "A-1042", ok: true }]);
    const second = JSON.stringify(llm.requests.at(-1)?.messages);
    expect(second).toContain("A-1042");
  });

  it("turns end_interaction and transfer_to_human into the end and a hand-off", async () => {
    llm.queue({ tool: "end_interaction", args: { reason: "Done.", outcome: "resolved" }, text: "Goodbye!" });
    const end = await brain.decide(asked("Bye"));
    expect(end).toMatchObject({ reply: "Goodbye!", end: { reason: "Done.", outcome: "resolved" } });
    llm.queue({ tool: "transfer_to_human", args: { reason: "Wants a refund." } });
    const handoff = await brain.decide(asked("I want a refund"));
    expect(handoff).toMatchObject({ reply: null, handoff: { reason: "Wants a refund." } });
  });

  it("retries a 5xx and a malformed answer, then succeeds", async () => {
    llm.queue({ fail: 502 }, { garbage: true }, { text: "Sorry for the wait." });
    const before = llm.requests.length;
    const turn = await brain.decide(asked("Hello?"));
    expect(turn.reply).toBe("Sorry for the wait.");
    expect(llm.requests.length - before).toBe(3);
  });

  it("hands off after LLM_MAX_ATTEMPTS failures, including a stalled model", async () => {
    llm.queue({ fail: 500 }, { stallMs: 5000 }, { fail: 503 });
    const turn = await brain.decide(asked("Hello?"));
    expect(turn.reply).toBeNull();
    expect(turn.handoff?.reason).toMatch(/failed 3 times/);
  });

  it("hands off when the model repeats its previous answer", async () => {
    llm.queue({ text: "Hello Nina." });
    const turn = await brain.decide(asked("Hello?"));
    expect(turn.handoff?.reason).toMatch(/repeated its previous answer/);
  });

  it("with a knowledge base: records the passages given, and runs search_knowledge within the turn", async () => {
    const refund = { passageId: "p-2", sourceName: "Policy.md", heading: "Refunds", text: "Refunds take 5 days.", score: 2 };
    const searched: string[] = [];
    const knowledge = {
      question: "How long is the return window?",
      passages: [{ passageId: "p-1", sourceName: "Policy.md", heading: "Returns", text: "Returns within 30 days.", score: 3 }],
      search: async (query: string) => {
        searched.push(query);
        return [refund];
      },
    };
    llm.queue(
      { tool: "search_knowledge", args: { query: "refund time" } },
      { text: "Returns within 30 days; refunds take 5 days." },
    );
    const turn = await brain.decide(asked("How long is the return window?", { knowledge }));
    expect(turn.reply).toBe("Returns within 30 days; refunds take 5 days.");
    expect(searched).toEqual(["refund time"]);
    expect(turn.tools.map((t) => t.name)).toEqual(["knowledge", "search_knowledge"]);
    expect(turn.tools[0].output).toBe("[1] Policy.md › Returns (passage p-1)");
    expect(turn.tools[1].output).toBe("[1] Policy.md › Refunds (passage p-2)");
    const first = llm.requests.at(-2);
    expect(first?.messages[0].content).toContain("Returns within 30 days.");
    expect(first?.tools?.map((t) => t.function.name)).toContain("search_knowledge");
    expect(JSON.stringify(llm.requests.at(-1)?.messages)).toContain("Refunds take 5 days.");
  });

  it("offers no search_knowledge tool to an agent without knowledge bases", async () => {
    llm.queue({ text: "Sure." });
    await brain.decide(asked("Hi"));
    expect(llm.requests.at(-1)?.tools?.map((t) => t.function.name)).not.toContain("search_knowledge");
  });

  it("uses the agent's model and temperature", async () => {
    llm.queue({ text: "Fine." });
    await brain.decide(asked("Hi", { model: { name: "agent-model", temperature: 0.2 } }));
    expect(llm.requests.at(-1)).toMatchObject({ model: "agent-model", temperature: 0.2 });
  });
});
