// GET /api/v1/calls: a JSON array, newest first, with filters, search and paging.
import { beforeAll, describe, expect, it } from "vitest";
import { AGENT_ID, api, SKILL_ID, waitForTerminal } from "../support/api";

const MARCUS = "5e2d8c1b-7a4f-4b3e-9d6c-2a1b0c9d8e76";
const BILLING = "6f1c2a9e-3b7d-4c1e-9a2f-0d8e5b7c4a11";
const tag = `List${Date.now().toString(36)}`;
const ids: string[] = [];

beforeAll(async () => {
  const bodies = [
    { agentId: AGENT_ID, skillId: SKILL_ID, channel: "sms", customerName: `${tag} Alpha`, customerPhone: "+14155550301" },
    {
      agentId: AGENT_ID,
      skillId: SKILL_ID,
      channel: "email",
      customerName: `${tag} Beta`,
      customerEmail: `beta.${tag}@example.com`,
    },
    { agentId: MARCUS, skillId: BILLING, channel: "webchat", customerName: `${tag} Gamma` },
  ];
  for (const body of bodies) {
    const res = await api("POST", "/api/v1/calls", body);
    expect(res.status).toBe(200);
    ids.push(res.body.id);
  }
});

describe("list calls", () => {
  it("returns an array, newest first, with X-Total-Count", async () => {
    const res = await api("GET", `/api/v1/calls?q=${tag}`);
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    expect(res.headers.get("x-total-count")).toBe("3");
    expect(res.body.map((c: { id: string }) => c.id)).toEqual([...ids].reverse());
  });

  it("filters by channel, agent and customer", async () => {
    const email = await api("GET", `/api/v1/calls?q=${tag}&channel=email`);
    expect(email.body.map((c: { id: string }) => c.id)).toEqual([ids[1]]);
    const byAgent = await api("GET", `/api/v1/calls?q=${tag}&agentId=${MARCUS}`);
    expect(byAgent.body.map((c: { id: string }) => c.id)).toEqual([ids[2]]);
    const first = await api("GET", `/api/v1/calls/${ids[0]}`);
    const byCustomer = await api("GET", `/api/v1/calls?customerId=${first.body.customerId}`);
    expect(byCustomer.body.map((c: { id: string }) => c.id)).toContain(ids[0]);
    expect(byCustomer.body.every((c: { customerId: string }) => c.customerId === first.body.customerId)).toBe(true);
  });

  it("searches by name (any case), phone and e-mail", async () => {
    expect((await api("GET", `/api/v1/calls?q=${tag.toUpperCase()}%20alpha`)).body.map((c: { id: string }) => c.id)).toEqual([
      ids[0],
    ]);
    expect(
      (await api("GET", `/api/v1/calls?q=${encodeURIComponent("+14155550301")}`)).body.map((c: { id: string }) => c.id),
    ).toContain(ids[0]);
    expect((await api("GET", `/api/v1/calls?q=beta.${tag}`)).body.map((c: { id: string }) => c.id)).toEqual([ids[1]]);
  });

  it("searches the messages' text too, in any case", async () => {
    // Not the tag: the other tests count exactly the three calls that carry it.
    const ticket = `Ticket-${Date.now().toString(36)}-Msg`;
    const created = await api("POST", "/api/v1/calls", {
      agentId: AGENT_ID,
      skillId: SKILL_ID,
      channel: "webchat",
      simulate: true,
      customerName: "Message Search",
      customerOverride: { customFields: [{ name: "Ticket", value: ticket }] },
    });
    expect(created.status).toBe(200);
    const done = await waitForTerminal(created.body.id);
    expect(done.messages.some((m: { content: string }) => m.content.includes(ticket))).toBe(true);
    const found = await api("GET", `/api/v1/calls?q=${encodeURIComponent(ticket.toLowerCase())}`);
    expect(found.body.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
  });

  it("filters by status, hours and date range", async () => {
    const queued = await api("GET", `/api/v1/calls?q=${tag}&status=failed`);
    expect(queued.body).toEqual([]);
    expect(queued.headers.get("x-total-count")).toBe("0");
    const recent = await api("GET", `/api/v1/calls?q=${tag}&hrs=1`);
    expect(recent.headers.get("x-total-count")).toBe("3");
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const none = await api("GET", `/api/v1/calls?q=${tag}&dateRange[from]=${future}`);
    expect(none.headers.get("x-total-count")).toBe("0");
    const all = await api("GET", `/api/v1/calls?q=${tag}&dateRange[from]=2020-01-01&dateRange[to]=${future}`);
    expect(all.headers.get("x-total-count")).toBe("3");
  });

  it("pages with page and limit and links the next page", async () => {
    const page1 = await api("GET", `/api/v1/calls?q=${tag}&limit=2`);
    expect(page1.body).toHaveLength(2);
    expect(page1.headers.get("link")).toContain('rel="next"');
    const page2 = await api("GET", `/api/v1/calls?q=${tag}&limit=2&page=2`);
    expect(page2.body.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect(page2.headers.get("link")).toContain('rel="prev"');
  });
});

describe("search treats % and _ as text", () => {
  it("finds only the interactions, customers, agents and skills that contain them", async () => {
    const odd = `${tag}_50%`;
    const created = await api("POST", "/api/v1/calls", {
      agentId: AGENT_ID,
      skillId: SKILL_ID,
      channel: "sms",
      customerName: odd,
      customerPhone: "+14155550399",
    });
    expect(created.status).toBe(200);
    const enc = encodeURIComponent;
    // Unescaped, `_` and `%` are LIKE wildcards: "<tag>_" would also match "<tag> Alpha" and the rest.
    for (const q of [`${tag}_`, `${tag}_50%`, "_50%"]) {
      const calls = await api("GET", `/api/v1/calls?q=${enc(q)}&limit=100`);
      expect(
        calls.body.map((c: { id: string }) => c.id),
        q,
      ).toEqual([created.body.id]);
      const customers = await api("GET", `/api/v1/customers?q=${enc(q)}&limit=100`);
      expect(
        customers.body.map((c: { name: string }) => c.name),
        q,
      ).toEqual([odd]);
    }
    for (const path of ["/api/v1/calls", "/api/v1/customers", "/api/v1/agents", "/api/v1/skills"]) {
      const all = await api("GET", `${path}?limit=100`);
      expect(all.body.length, path).toBeGreaterThan(0);
      const wild = await api("GET", `${path}?q=${enc("%")}&limit=100`);
      const names = JSON.stringify(wild.body);
      // Nothing in the seeded data contains a literal "%" except the customer made above.
      expect(wild.body.length, path).toBeLessThan(all.body.length);
      if (wild.body.length) expect(names).toContain("%");
    }
  });
});
