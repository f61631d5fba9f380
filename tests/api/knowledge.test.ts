// Knowledge bases end to end on the built app and a real database (SQLite, or Postgres with
// TEST_DIALECT=postgresql): CRUD, sources of every kind indexed by the worker, failures with a reason
// and nothing half-indexed, limits, lexical search with scores and source names, and a web chat whose
// model (the loopback fake) answers from the passages, cites them for staff, and hands off when the
// documents do not hold the answer.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { errorEnvelopeSchema } from "@/lib/errors";
import { knowledgeBaseSchema, knowledgeHitSchema, knowledgeSourceSchema } from "@/server/knowledge/schema";
import { newDatabase, prepareDatabase, type RunningApp, startApp } from "../support/app";
import { AGENT_ID, api, basicAuth, SKILL_ID } from "../support/api";
import { type ChatRequest, defaultPolicy, type FakeLlm, startFakeLlm } from "../support/fake-llm";
import { makePdf } from "../support/pdf";

const FAQ = `# Returns

You can return any item within 30 days of delivery for a full refund. Items must be unused and in their original packaging.

# Delivery

Standard delivery takes 2 to 4 working days. Express delivery arrives the next working day when ordered before 14:00.

# Opening hours

Our support team is available Monday to Friday, 9:00 to 17:00.
`;

const MAX_FILE = 300_000;
const MAX_SOURCES = 12;

let app: RunningApp;
let drop: () => Promise<void>;
let llm: FakeLlm;

/** The fake model follows the passages: it answers from a passage that names the return window, and without one admits it and hands off. */
function followPassages(request: ChatRequest) {
  const system = request.messages[0]?.content ?? "";
  const lastUser = [...request.messages].reverse().find((m) => m.role === "user")?.content ?? "";
  if (!system.includes("Grounding rule")) return defaultPolicy(request);
  const window = /within (\d+ days)/.exec(system);
  if (/return/i.test(lastUser) && window) return { text: `You can return any item within ${window[1]} of delivery.` };
  if (system.includes("No passage of the knowledge base matches")) {
    return {
      tool: "transfer_to_human",
      args: { reason: "The knowledge base does not cover this." },
      text: "I don't know, let me get a person who can help.",
    };
  }
  return defaultPolicy(request);
}

beforeAll(async () => {
  llm = await startFakeLlm(followPassages);
  const db = await newDatabase(inject("dialect"));
  prepareDatabase(db.url);
  drop = db.drop;
  app = await startApp(db.url, {
    LLM_BASE_URL: llm.baseUrl,
    LLM_MODEL: "fake-model",
    CHAT_RATE_LIMIT_PER_MINUTE: "1000",
    KNOWLEDGE_MAX_FILE_BYTES: String(MAX_FILE),
    KNOWLEDGE_MAX_SOURCES: String(MAX_SOURCES),
    // URL sources go through the webhooks' address rule: here it is on, so loopback is refused.
    WEBHOOK_ALLOW_PRIVATE_URLS: "false",
  });
});

afterAll(async () => {
  await app?.stop();
  await drop?.();
  await llm?.close();
});

const call = (method: string, path: string, body?: unknown) => api(method, path, body, {}, app.url);

async function upload(
  kbId: string,
  filename: string,
  content: Uint8Array | string,
  type = "application/octet-stream",
  name?: string,
) {
  const form = new FormData();
  form.set("file", new File([typeof content === "string" ? content : new Uint8Array(content)], filename, { type }));
  if (name) form.set("name", name);
  const res = await fetch(`${app.url}/api/v1/knowledge-bases/${kbId}/sources`, {
    method: "POST",
    headers: { authorization: basicAuth() },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function createKb(body: Record<string, unknown> = {}) {
  const res = await call("POST", "/api/v1/knowledge-bases", { name: "Help centre", ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return knowledgeBaseSchema.parse(res.body);
}

/** Polls the source until the worker has indexed it (or failed it). */
async function settled(kbId: string, sourceId: string, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const res = await call("GET", `/api/v1/knowledge-bases/${kbId}/sources/${sourceId}`);
    expect(res.status).toBe(200);
    const source = knowledgeSourceSchema.parse(res.body);
    if (source.status !== "processing") return source;
    if (Date.now() > deadline) throw new Error(`source ${sourceId} still processing`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function search(kbId: string, q: string) {
  const res = await call("GET", `/api/v1/knowledge-bases/${kbId}/search?q=${encodeURIComponent(q)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return z.array(knowledgeHitSchema).parse(res.body);
}

const expectError = (res: { status: number; body: unknown }, status: number, message?: RegExp) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const envelope = errorEnvelopeSchema.parse(res.body);
  if (message) expect(envelope.error.message).toMatch(message);
  return envelope;
};

describe("knowledge bases", () => {
  it("create, list, change (attach agents and skills), and refuse bad input with the envelope", async () => {
    const kb = await createKb({ description: "FAQ", agentIds: [AGENT_ID], skillIds: [SKILL_ID] });
    expect(kb).toMatchObject({
      name: "Help centre",
      description: "FAQ",
      agentIds: [AGENT_ID],
      skillIds: [SKILL_ID],
      sourceCount: 0,
    });
    const list = await call("GET", "/api/v1/knowledge-bases?q=help");
    expect(list.status).toBe(200);
    expect(list.headers.get("x-total-count")).toBe("1");
    const changed = await call("PUT", `/api/v1/knowledge-bases/${kb.id}`, { name: "Help", agentIds: [] });
    expect(changed.body).toMatchObject({ name: "Help", agentIds: [], skillIds: [SKILL_ID] });

    expectError(await call("POST", "/api/v1/knowledge-bases", { name: "" }), 422, /name/);
    expectError(await call("POST", "/api/v1/knowledge-bases", { name: "x", extra: 1 }), 422, /extra/);
    const missingAgent = await call("POST", "/api/v1/knowledge-bases", {
      name: "x",
      agentIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expectError(missingAgent, 422, /agent/);
    expectError(await call("PUT", `/api/v1/knowledge-bases/${kb.id}`, {}), 422);
    expectError(await call("GET", "/api/v1/knowledge-bases/00000000-0000-4000-8000-000000000000"), 404);
    expectError(await call("GET", "/api/v1/knowledge-bases/not-a-uuid"), 422);
    expectError(await call("PATCH", `/api/v1/knowledge-bases/${kb.id}`, {}), 405);
    const anonymous = await fetch(`${app.url}/api/v1/knowledge-bases`);
    expect(anonymous.status).toBe(401);
    // Nothing was written by the refusals.
    expect((await call("GET", "/api/v1/knowledge-bases")).headers.get("x-total-count")).toBe("1");
  });

  it("indexes pasted text and every file kind off the request path, and finds the right passage with scores and source names", async () => {
    const kb = await createKb({ name: "Policies" });
    const base = `/api/v1/knowledge-bases/${kb.id}/sources`;
    const text = await call("POST", base, { kind: "text", name: "FAQ", text: FAQ });
    expect(text.status, JSON.stringify(text.body)).toBe(202);
    expect(text.body).toMatchObject({ kind: "text", status: "processing", size: Buffer.byteLength(FAQ) });

    const html = await upload(
      kb.id,
      "shipping.html",
      "<html><head><script>var secretToken = 'zebra-canary';</script><style>.x{}</style></head><body><h1>International shipping</h1><p>We ship to 40 countries; customs fees are paid by the recipient.</p></body></html>",
      "text/html",
    );
    const csv = await upload(kb.id, "prices.csv", "plan,price\nBasic,9 euros per month\nPro,29 euros per month\n", "text/csv");
    const pdf = await upload(
      kb.id,
      "warranty.pdf",
      makePdf(["Warranty", "Every device carries a two year warranty."]),
      "application/pdf",
    );
    const md = await upload(kb.id, "care.md", "# Cleaning\n\nWipe the device with a dry cloth.", "text/markdown", "Care guide");
    for (const res of [html, csv, pdf, md]) expect(res.status, JSON.stringify(res.body)).toBe(202);

    const sources = await Promise.all([text, html, csv, pdf, md].map((r) => settled(kb.id, r.body.id)));
    for (const s of sources) expect(s, JSON.stringify(s)).toMatchObject({ status: "ready", error: null });
    expect(sources[0].chunkCount).toBe(3);
    expect(sources[4].name).toBe("Care guide");
    expect(sources[3]).toMatchObject({ name: "warranty.pdf", contentType: "application/pdf", kind: "file" });

    const hits = await search(kb.id, "How long is the return window?");
    expect(hits[0]).toMatchObject({ sourceName: "FAQ", heading: "Returns" });
    expect(hits[0].text).toContain("within 30 days");
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
    expect(hits[0].score).toBeGreaterThan(0);
    expect((await search(kb.id, "warranty years"))[0]).toMatchObject({ sourceName: "warranty.pdf" });
    expect((await search(kb.id, "price of the Pro plan"))[0].text).toContain("Pro");
    expect((await search(kb.id, "customs fees"))[0]).toMatchObject({
      sourceName: "shipping.html",
      heading: "International shipping",
    });
    // The page's script was not indexed; a question of only stop words finds nothing.
    expect(await search(kb.id, "zebra-canary secretToken")).toEqual([]);
    expect(await search(kb.id, "what is the")).toEqual([]);
    expectError(await call("GET", `/api/v1/knowledge-bases/${kb.id}/search?q=`), 422);
    expectError(await call("GET", `/api/v1/knowledge-bases/${kb.id}/search?q=x&limit=500`), 422);

    const list = await call("GET", base);
    expect(list.status).toBe(200);
    expect(z.array(knowledgeSourceSchema).parse(list.body)).toHaveLength(5);
    expect((await call("GET", `/api/v1/knowledge-bases/${kb.id}`)).body.sourceCount).toBe(5);

    // Deleting a source takes its passages with it.
    expect((await call("DELETE", `${base}/${text.body.id}`)).status).toBe(204);
    expect((await search(kb.id, "return window")).filter((h) => h.sourceName === "FAQ")).toEqual([]);
    expectError(await call("DELETE", `${base}/${text.body.id}`), 404);
  });

  it("fails bad documents with a reason and no passages; refuses unsupported, oversized and private-URL sources", async () => {
    const kb = await createKb({ name: "Bad input" });
    const base = `/api/v1/knowledge-bases/${kb.id}/sources`;
    const corrupt = await upload(
      kb.id,
      "broken.pdf",
      "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref",
      "application/pdf",
    );
    const zip = Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(2000, 0)]);
    const disguised = await upload(kb.id, "bomb.pdf", zip, "application/pdf");
    const binaryText = await upload(kb.id, "notes.txt", zip, "text/plain");
    for (const res of [corrupt, disguised, binaryText]) expect(res.status, JSON.stringify(res.body)).toBe(202);
    const [a, b, c] = await Promise.all([corrupt, disguised, binaryText].map((r) => settled(kb.id, r.body.id)));
    expect(a).toMatchObject({ status: "failed", chunkCount: 0 });
    expect(a.error).toMatch(/PDF/);
    expect(b).toMatchObject({ status: "failed", error: expect.stringMatching(/not a PDF/) });
    expect(c).toMatchObject({ status: "failed", error: expect.stringMatching(/binary/) });

    expectError(await upload(kb.id, "setup.exe", "MZ", "application/x-msdownload"), 415, /Markdown/);
    expectError(await upload(kb.id, "big.txt", "a ".repeat(MAX_FILE)), 413, /at most/);
    expectError(await upload(kb.id, "empty.txt", ""), 422, /empty/);
    expectError(await call("POST", base, { kind: "text", name: "x", text: "  " }), 422, /empty/);
    expectError(await call("POST", base, { kind: "pdf", name: "x" }), 422, /kind/);
    expectError(await api("POST", base, "not json", { "content-type": "text/plain" }, app.url), 415);
    const privateUrl = await call("POST", base, { kind: "url", url: "http://127.0.0.1:9/faq" });
    expectError(privateUrl, 422, /loopback/);
    expectError(await call("POST", base, { kind: "url", url: "ftp://example.com/faq" }), 422);
    expectError(await call("POST", `${base}/${a.id}/refresh`), 409, /URL/);

    const sources = z.array(knowledgeSourceSchema).parse((await call("GET", base)).body);
    expect(sources.map((s) => s.status).sort()).toEqual(["failed", "failed", "failed"]);
  });

  it("refuses a source past the knowledge base's limit with a clear message", async () => {
    const kb = await createKb({ name: "Full" });
    const base = `/api/v1/knowledge-bases/${kb.id}/sources`;
    for (let i = 0; i < MAX_SOURCES; i++) {
      const res = await call("POST", base, { kind: "text", name: `Note ${i}`, text: `Note number ${i}.` });
      expect(res.status).toBe(202);
    }
    expectError(await call("POST", base, { kind: "text", name: "One more", text: "Too many." }), 409, /KNOWLEDGE_MAX_SOURCES/);
    expect((await call("DELETE", `/api/v1/knowledge-bases/${kb.id}`)).status).toBe(204);
    expectError(await call("GET", `/api/v1/knowledge-bases/${kb.id}`), 404);
  });
});

describe("indexing across a restart", () => {
  it("a source added while no worker runs is indexed by the next server on the same database", async () => {
    const db = await newDatabase(inject("dialect"));
    prepareDatabase(db.url);
    const first = await startApp(db.url, { WORKER_ENABLED: "false" });
    let kbId = "";
    let sourceId = "";
    try {
      const kb = await api("POST", "/api/v1/knowledge-bases", { name: "Restart" }, {}, first.url);
      kbId = kb.body.id;
      const source = await api(
        "POST",
        `/api/v1/knowledge-bases/${kbId}/sources`,
        { kind: "text", name: "FAQ", text: FAQ },
        {},
        first.url,
      );
      expect(source.status).toBe(202);
      sourceId = source.body.id;
      await new Promise((r) => setTimeout(r, 300));
      const waiting = await api("GET", `/api/v1/knowledge-bases/${kbId}/sources/${sourceId}`, undefined, {}, first.url);
      expect(waiting.body.status).toBe("processing");
    } finally {
      await first.stop();
    }
    const second = await startApp(db.url);
    try {
      const deadline = Date.now() + 20_000;
      let status = "processing";
      while (status === "processing" && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        status = (await api("GET", `/api/v1/knowledge-bases/${kbId}/sources/${sourceId}`, undefined, {}, second.url)).body.status;
      }
      expect(status).toBe("ready");
      const hits = await api("GET", `/api/v1/knowledge-bases/${kbId}/search?q=return+window`, undefined, {}, second.url);
      expect(hits.body[0]).toMatchObject({ sourceName: "FAQ", heading: "Returns" });
    } finally {
      await second.stop();
      await db.drop();
    }
  });
});

describe("semantic search (EMBEDDINGS_BASE_URL)", () => {
  it("embeds passages while indexing and fuses both rankings, so a question in other words finds the policy", async () => {
    const db = await newDatabase(inject("dialect"));
    prepareDatabase(db.url);
    // The fake's toy model knows that "money" is about refunds, "back" about returns and "period" about days.
    const semantic = await startApp(db.url, { EMBEDDINGS_BASE_URL: llm.baseUrl, EMBEDDINGS_MODEL: "fake-embed" });
    const before = llm.embeddingRequests.length;
    try {
      const at = (path: string, body?: unknown, method = body ? "POST" : "GET") => api(method, path, body, {}, semantic.url);
      const kb = await at("/api/v1/knowledge-bases", { name: "Semantic" });
      const source = await at(`/api/v1/knowledge-bases/${kb.body.id}/sources`, { kind: "text", name: "FAQ", text: FAQ });
      expect(source.status).toBe(202);
      const ready = await waitFor(
        () => at(`/api/v1/knowledge-bases/${kb.body.id}/sources/${source.body.id}`),
        (r) => r.body.status !== "processing",
      );
      expect(ready.body).toMatchObject({ status: "ready", chunkCount: 3 });
      // One request embedded the three passages, with the configured model.
      const indexing = llm.embeddingRequests.slice(before);
      expect(indexing[0]).toMatchObject({ model: "fake-embed" });
      expect(indexing[0].input).toHaveLength(3);

      const search = async (q: string) =>
        z
          .array(knowledgeHitSchema)
          .parse((await at(`/api/v1/knowledge-bases/${kb.body.id}/search?q=${encodeURIComponent(q)}`)).body);
      // No word of this question is in the FAQ: lexical search alone finds nothing (see the app above).
      expect(await search("money back period")).not.toEqual([]);
      expect((await search("money back period"))[0]).toMatchObject({ heading: "Returns", sourceName: "FAQ" });
      expect(await searchLexical("money back period")).toEqual([]);
      // Both rankings agree on a question in the document's own words.
      expect((await search("return window"))[0]).toMatchObject({ heading: "Returns" });
      // Nothing is similar enough to a question the documents do not cover.
      expect(await search("parrot grooming tips")).toEqual([]);
    } finally {
      await semantic.stop();
      await db.drop();
    }
  });
});

async function searchLexical(q: string) {
  const kb = await createKb({ name: "Lexical only" });
  const source = await call("POST", `/api/v1/knowledge-bases/${kb.id}/sources`, { kind: "text", name: "FAQ", text: FAQ });
  await settled(kb.id, source.body.id);
  return search(kb.id, q);
}

type Line = { sender: string; internal: boolean; content: string };

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value).slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("a web chat agent with a knowledge base", () => {
  it("answers from the uploaded policy, cites the passages for staff only, and hands off when the documents do not cover a question", async () => {
    const kb = await createKb({ name: "Chat policies", agentIds: [AGENT_ID] });
    const faq = await upload(kb.id, "faq.md", FAQ, "text/markdown");
    expect((await settled(kb.id, faq.body.id)).status).toBe("ready");

    const started = await call("POST", "/api/v1/calls", {
      agentId: AGENT_ID,
      skillId: SKILL_ID,
      channel: "webchat",
      customerName: "Nina Patel",
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const token = String(started.body.links.chat).split("/").pop();
    const customer = { authorization: "" };
    const interaction = () =>
      call("GET", `/api/v1/calls/${started.body.id}`).then(
        (r) => r.body as { messages: Line[]; needsPerson?: boolean; status: string },
      );
    const agentLines = (c: { messages: Line[] }) => c.messages.filter((m) => m.sender === "agent" && !m.internal);
    await waitFor(interaction, (c) => agentLines(c).length === 1);

    const asked = await api(
      "POST",
      `/api/chat/${token}/messages`,
      { content: "How long is the return window?" },
      customer,
      app.url,
    );
    expect(asked.status).toBe(201);
    const answered = await waitFor(interaction, (c) => agentLines(c).length === 2);
    expect(agentLines(answered)[1].content).toBe("You can return any item within 30 days of delivery.");
    const request = llm.requests.find((r) => JSON.stringify(r.messages).includes("How long is the return window?"));
    expect(request?.messages[0].content).toContain("faq.md › Returns");
    expect(request?.tools?.map((t) => t.function.name)).toContain("search_knowledge");

    // Staff see which passages the answer came from, as an internal line; the customer does not.
    const cited = answered.messages.find((m) => m.internal && m.content.startsWith("knowledge("));
    expect(cited?.content).toMatch(/faq\.md › Returns \(passage [0-9a-f-]{36}\)/);
    const view = await api("GET", `/api/chat/${token}`, undefined, customer, app.url);
    expect(JSON.stringify(view.body)).not.toContain("passage");

    // A question the documents do not answer: an honest "I don't know", and a person.
    await api("POST", `/api/chat/${token}/messages`, { content: "Do you sell gift vouchers?" }, customer, app.url);
    const handed = await waitFor(interaction, (c) => c.messages.some((m) => m.content.startsWith("Handed to staff")));
    // (The hand-off then tells the customer a colleague is coming.)
    expect(agentLines(handed).map((m) => m.content)).toContain("I don't know, let me get a person who can help.");
  });
});
