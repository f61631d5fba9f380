import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type AgentForCompose, composeInteraction, resolveCustomer } from "./compose";
import { createCallSchema } from "./schema";

const contract = createCallSchema.parse(
  JSON.parse(readFileSync(new URL("../../docs/reference/create-call.request.json", import.meta.url), "utf8")),
);

const agent = {
  id: contract.agentId,
  name: "Ava",
  lastname: "Thompson",
  nickname: "",
  email: "ava@callboard.example",
  phone: "+14155550100",
  language: "en-US",
  voiceId: "alloy",
  voiceSpeed: 1,
  voiceStability: 0.5,
  initialMessage: "Hi {{firstName}}",
  baseInstructions: "Be kind.",
  imageURL: null,
  emailSubject: "",
} satisfies AgentForCompose;

describe("composeInteraction with the reference example", () => {
  const c = composeInteraction(agent, contract);

  it("lets customerOverride win over the flat fields", () => {
    expect(c.customer).toMatchObject({ name: "John Doe", phone: "+1234567890", email: "admin@email.com" });
  });

  it("applies agentOverride to the effective agent", () => {
    expect(c.agent).toMatchObject({ name: "John Doe", phone: "+12673624524", voiceSpeed: 1.5, email: "ava@callboard.example" });
    expect(c.agent.routingConditions).toEqual({ priority: "high" });
  });

  it("renders templates and lists the unresolved Delivery Date", () => {
    expect(c.rendered.initialMessage).toBe("Hello John, My name is John Doe. I am calling you about your order ID 12345");
    expect(c.rendered.prompt).toContain("total cost of 150.75 with delivery date . That is all");
    expect(c.unresolved).toEqual(["Delivery Date"]);
  });
});

describe("resolveCustomer", () => {
  it("splits the flat name when no first/last name is given", () => {
    const input = createCallSchema.parse({
      agentId: contract.agentId,
      skillId: contract.skillId,
      channel: "webchat",
      customerName: "Mary Ann Smith",
    });
    expect(resolveCustomer(input)).toMatchObject({ firstName: "Mary", lastName: "Ann Smith", phone: null });
  });

  it("falls back to the agent's own templates without an override", () => {
    const input = createCallSchema.parse({
      agentId: contract.agentId,
      skillId: contract.skillId,
      channel: "sms",
      customerName: "Li Wei",
      customerPhone: "+8613800138000",
    });
    const c = composeInteraction(agent, input);
    expect(c.rendered.initialMessage).toBe("Hi Li");
    expect(c.agent.name).toBe("Ava Thompson");
  });

  it("renders an e-mail subject from the agent's template, or the skill's name, with the same missing-variable rule", () => {
    const input = createCallSchema.parse({
      agentId: contract.agentId,
      skillId: contract.skillId,
      channel: "email",
      customerName: "Li Wei",
      customerEmail: "li@example.com",
      customerOverride: { customFields: [{ name: "Order", value: "A-7" }] },
    });
    expect(composeInteraction(agent, input, "Order notifications").rendered.subject).toBe("Order notifications");
    const templated = composeInteraction(
      { ...agent, emailSubject: "Order {{Order}} for {{firstName}} {{Delivery Date}}" },
      input,
    );
    expect(templated.rendered.subject).toBe("Order A-7 for Li ");
    expect(templated.unresolved).toContain("Delivery Date");
    // Other channels have no subject, and its template's variables are not reported missing.
    const sms = composeInteraction(
      { ...agent, emailSubject: "{{Nope}}" },
      { ...input, channel: "sms", customerPhone: "+8613800138000" },
    );
    expect(sms.rendered.subject).toBe("");
    expect(sms.unresolved).not.toContain("Nope");
  });
});
