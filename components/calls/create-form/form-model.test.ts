import { describe, expect, it } from "vitest";
import type { AgentDto } from "@/server/agents/schema";
import { createCallResolver, formFieldFor, mapIssues } from "./form-errors";
import { agentDefaults, type CreateCallFormValues, emptyFormValues, insertVariable, toCreateCallBody } from "./form-model";

const AGENT = {
  id: "123e4567-e89b-12d3-a456-426614174000",
  name: "Ava",
  lastname: "Thompson",
  nickname: "Ava",
  phone: "+14155550100",
  imageURL: null,
  voiceSpeed: 1,
  voiceStability: 0.5,
  initialMessage: "Hello {{firstName}}",
  baseInstructions: "You are {{aiName}}.",
} as AgentDto;
const defaults = agentDefaults(AGENT);

const values = (over: Partial<CreateCallFormValues> = {}): CreateCallFormValues => ({
  ...emptyFormValues,
  agentId: AGENT.id,
  skillId: AGENT.id,
  customerPhone: "+14155550123",
  agent: defaults,
  ...over,
});

async function resolve(v: CreateCallFormValues) {
  const options = { fields: {}, shouldUseNativeValidation: false } as Parameters<ReturnType<typeof createCallResolver>>[2];
  return createCallResolver(() => defaults)(v, undefined, options);
}

describe("toCreateCallBody", () => {
  it("sends no agentOverride when nothing differs from the agent's defaults", () => {
    const body = toCreateCallBody(values(), defaults);
    expect(body).toEqual({ agentId: AGENT.id, skillId: AGENT.id, channel: "call", customerPhone: "+14155550123" });
  });

  it("sends only the changed settings, and typed custom fields", () => {
    const body = toCreateCallBody(
      values({
        agent: { ...defaults, voiceSpeed: 1.5, initialMessage: "Hi" },
        customFields: [
          { name: "Order ID", type: "number", value: "42" },
          { name: "VIP", type: "boolean", value: "false" },
          { name: "Note", type: "text", value: " x " },
        ],
        routingConditions: [
          { name: "tier", type: "text", value: "gold" },
          { name: " ", type: "text", value: "ignored" },
        ],
      }),
      defaults,
    );
    expect(body.agentOverride).toEqual({
      voiceSpeed: 1.5,
      prompt: { initialMessage: "Hi", routingConditions: { tier: "gold" } },
    });
    expect(body.customerOverride?.customFields).toEqual([
      { name: "Order ID", value: 42 },
      { name: "VIP", value: false },
      { name: "Note", value: " x " },
    ]);
  });
});

describe("the resolver (createCallSchema on the body)", () => {
  it("maps a bad phone onto Customer phone, in the schema's words", async () => {
    const r = await resolve(values({ customerPhone: "555-1234" }));
    expect(r.errors.customerPhone?.message).toBe("Enter the phone in international format, e.g. +14155550123.");
  });

  it("asks a person to choose an agent, and says a number field needs a number", async () => {
    const r = await resolve(values({ agentId: "", customFields: [{ name: "n", type: "number", value: "abc" }] }));
    expect(r.errors.agentId?.message).toBe("Choose an agent.");
    expect(r.errors.customFields?.[0]?.value?.message).toBe("Enter a number, e.g. 42 or 3.5.");
  });

  it("requires the e-mail for the email channel", async () => {
    const r = await resolve(values({ channel: "email" }));
    expect(r.errors.customerEmail?.message).toMatch(/e-mail address is required/);
  });

  it("passes a valid form", async () => {
    expect((await resolve(values())).errors).toEqual({});
  });
});

describe("server details", () => {
  it("map dotted paths back onto rows and fields", () => {
    const v = values({ routingConditions: [{ name: "tier", type: "text", value: "x" }] });
    expect(formFieldFor("customerOverride.customFields.2.name", v)).toBe("customFields.2.name");
    expect(formFieldFor("agentOverride.prompt.routingConditions.tier", v)).toBe("routingConditions.0.value");
    expect(formFieldFor("agentOverride.imageURL", v)).toBe("agent.imageURL");
    expect(formFieldFor("somethingElse", v)).toBeNull();
    expect(mapIssues([{ path: "agentOverride.imageURL", message: "imageURL must be an http(s) URL." }], v)[0].message).toBe(
      "The image URL must be an http(s) URL.",
    );
  });
});

describe("insertVariable", () => {
  it("replaces the selection and puts the cursor after the token", () => {
    expect(insertVariable("Hi !", 3, 3, "firstName")).toEqual({ text: "Hi {{firstName}}!", cursor: 16 });
  });
});
