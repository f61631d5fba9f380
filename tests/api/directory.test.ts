// Agents, skills and customers: CRUD, deactivation instead of deletion, and Create Call's rules about
// them (inactive agent or skill → 4xx; existing customers found by phone or e-mail).
import { describe, expect, it } from "vitest";
import { agentSchema } from "@/server/agents/schema";
import { customerSchema } from "@/server/customers/schema";
import { skillSchema } from "@/server/skills/schema";
import { AGENT_ID, api, SKILL_ID } from "../support/api";

describe("skills", () => {
  it("creates, reads, updates, lists and deactivates", async () => {
    const created = await api("POST", "/api/v1/skills", { name: "Warranty claims", description: "Handle warranty questions." });
    expect(created.status).toBe(201);
    expect(() => skillSchema.parse(created.body)).not.toThrow();
    const id = created.body.id;
    expect((await api("GET", `/api/v1/skills/${id}`)).body.name).toBe("Warranty claims");
    const updated = await api("PUT", `/api/v1/skills/${id}`, { language: "de-DE" });
    expect(updated.body).toMatchObject({ language: "de-DE", name: "Warranty claims" });
    const list = await api("GET", "/api/v1/skills?q=Warranty");
    expect(list.body.map((s: { id: string }) => s.id)).toContain(id);
    const deleted = await api("DELETE", `/api/v1/skills/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.active).toBe(false);
    expect((await api("GET", `/api/v1/skills/${id}`)).status).toBe(200);
  });
});

describe("agents", () => {
  it("creates an agent with skills, pages the list and deactivates it", async () => {
    const created = await api("POST", "/api/v1/agents", {
      name: "Zoe",
      lastname: "Okafor",
      email: "zoe@example.com",
      phone: "+14155550999",
      capabilities: ["returns"],
      skillIds: [SKILL_ID],
      initialMessage: "Hi {{firstName}}, Zoe here.",
    });
    expect(created.status).toBe(201);
    const agent = agentSchema.parse(created.body);
    expect(agent.skills.map((s) => s.id)).toEqual([SKILL_ID]);

    const page = await api("GET", "/api/v1/agents?page=1&limit=2");
    expect(page.body).toHaveLength(2);
    expect(Number(page.headers.get("x-total-count"))).toBeGreaterThanOrEqual(6);

    const call = await api("POST", "/api/v1/calls", {
      agentId: agent.id,
      skillId: SKILL_ID,
      channel: "webchat",
      customerName: "Ana Silva",
    });
    expect(call.status).toBe(200);
    expect(call.body.initialMessage).toBe("Hi Ana, Zoe here.");

    const removed = await api("DELETE", `/api/v1/agents/${agent.id}`);
    expect(removed.body.active).toBe(false);
    // History keeps its agent; new interactions with it are refused.
    expect((await api("GET", `/api/v1/calls/${call.body.id}`)).body.agentId).toBe(agent.id);
    const refused = await api("POST", "/api/v1/calls", { agentId: agent.id, skillId: SKILL_ID, channel: "webchat" });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0].path).toBe("agentId");
  });

  it("refuses a skill that is not the agent's, and an inactive skill", async () => {
    const spanish = "4d3c2b1a-9e8f-4d7c-a6b5-4c3d2e1f0a95";
    const res = await api("POST", "/api/v1/calls", { agentId: AGENT_ID, skillId: spanish, channel: "webchat" });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain("not assigned");
    const skill = await api("POST", "/api/v1/skills", { name: "Temporary", active: false });
    await api("PUT", `/api/v1/agents/${AGENT_ID}`, {
      skillIds: [SKILL_ID, "9c8b7a6d-4e3f-4a2b-8c1d-0e9f8a7b6c54", skill.body.id],
    });
    const inactive = await api("POST", "/api/v1/calls", { agentId: AGENT_ID, skillId: skill.body.id, channel: "webchat" });
    expect(inactive.status).toBe(422);
    expect(inactive.body.error.message).toContain("inactive");
    await api("PUT", `/api/v1/agents/${AGENT_ID}`, { skillIds: [SKILL_ID, "9c8b7a6d-4e3f-4a2b-8c1d-0e9f8a7b6c54"] });
  });

  it("clears an agent's e-mail, phone and image URL with null on update, but not on create", async () => {
    const created = await api("POST", "/api/v1/agents", {
      name: "Iris",
      email: "iris@example.com",
      phone: "+14155550998",
      imageURL: "https://example.com/iris.png",
    });
    const cleared = await api("PUT", `/api/v1/agents/${created.body.id}`, { email: null, phone: null, imageURL: null });
    expect(cleared.status).toBe(200);
    expect(agentSchema.parse(cleared.body)).toMatchObject({ email: null, phone: null, imageURL: null, name: "Iris" });
    const refused = await api("POST", "/api/v1/agents", { name: "Iris", email: null });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0].path).toBe("email");
  });

  it("keeps an agent's own model and temperature, clears them with null and checks the range", async () => {
    const created = await api("POST", "/api/v1/agents", { name: "Lena", llmModel: "llama3.1:8b", llmTemperature: 0.4 });
    expect(created.status).toBe(201);
    expect(agentSchema.parse(created.body)).toMatchObject({ llmModel: "llama3.1:8b", llmTemperature: 0.4 });
    const cleared = await api("PUT", `/api/v1/agents/${created.body.id}`, { llmModel: null, llmTemperature: null });
    expect(cleared.body).toMatchObject({ llmModel: null, llmTemperature: null });
    const hot = await api("PUT", `/api/v1/agents/${created.body.id}`, { llmTemperature: 2.5 });
    expect(hot.status).toBe(422);
    expect(hot.body.error.details[0]).toEqual({ path: "llmTemperature", message: "llmTemperature must be between 0 and 2." });
    expect((await api("POST", "/api/v1/agents", { name: "Max" })).body).toMatchObject({ llmModel: null, llmTemperature: null });
  });
});

describe("customers", () => {
  it("finds an existing customer by phone or e-mail instead of creating a new one", async () => {
    const phone = "+14155550777";
    const email = `c${Date.now()}@example.com`;
    const first = await api("POST", "/api/v1/calls", {
      agentId: AGENT_ID,
      skillId: SKILL_ID,
      channel: "sms",
      customerName: "Omar Haddad",
      customerPhone: phone,
    });
    const second = await api("POST", "/api/v1/calls", {
      agentId: AGENT_ID,
      skillId: SKILL_ID,
      channel: "email",
      customerName: "Omar Haddad",
      customerPhone: phone,
      customerEmail: email,
    });
    const third = await api("POST", "/api/v1/calls", {
      agentId: AGENT_ID,
      skillId: SKILL_ID,
      channel: "email",
      customerEmail: email.toUpperCase(),
    });
    expect(second.body.customerId).toBe(first.body.customerId);
    expect(third.body.customerId).toBe(first.body.customerId);

    const customer = await api("GET", `/api/v1/customers/${first.body.customerId}`);
    expect(customer.status).toBe(200);
    expect(customerSchema.parse(customer.body)).toMatchObject({ name: "Omar Haddad", phone, email, interactionCount: 3 });

    const found = await api("GET", "/api/v1/customers?q=Omar%20Haddad");
    expect(found.body.map((c: { id: string }) => c.id)).toEqual([first.body.customerId]);
    expect((await api("GET", "/api/v1/customers/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("creates one customer when many requests introduce the same new phone at once", async () => {
    const phone = `+1415${String(Date.now()).slice(-7)}`;
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        api("POST", "/api/v1/calls", {
          agentId: AGENT_ID,
          skillId: SKILL_ID,
          channel: "sms",
          customerName: "Race Case",
          customerPhone: phone,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(results.map((r) => r.body.customerId)).size).toBe(1);
  });
});
