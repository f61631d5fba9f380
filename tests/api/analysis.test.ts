// Post-call analysis end to end against the built app: the deterministic analyser (no model), the
// model analyser through the loopback OpenAI-compatible fake (structured output, malformed answers
// retried and then recorded as failed), staff corrections kept with who made them, the call.analyzed
// webhook, the list's sentiment and success filters, and the CSV export.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { callSchema } from "@/server/calls/schema";
import { newDatabase, prepareDatabase, type RunningApp, startApp, TEST_ADMIN } from "../support/app";
import { AGENT_ID, api, asSession, basicAuth, baseUrl, SKILL_ID, signIn, waitForTerminal } from "../support/api";
import { type FakeLlm, startFakeLlm } from "../support/fake-llm";
import { collectSse, openSseStream } from "../support/sse";
import { startWebhookReceiver } from "../support/webhook-receiver";

type Call = ReturnType<typeof callSchema.parse>;

async function createCall(body: Record<string, unknown>, root?: string) {
  const res = await api("POST", "/api/v1/calls", { agentId: AGENT_ID, skillId: SKILL_ID, ...body }, {}, root);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Call;
}

/** Polls the call until its analysis is no longer pending. */
async function analysed(id: string, root?: string, timeout = 30_000): Promise<Call> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const res = await api("GET", `/api/v1/calls/${id}`, undefined, {}, root);
    expect(res.status).toBe(200);
    const analysis = res.body.analysis;
    if (analysis && analysis.status !== "pending") return callSchema.parse(res.body);
    if (Date.now() > deadline) throw new Error(`call ${id}: analysis still ${JSON.stringify(analysis)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A small RFC 4180 reader (quoted fields with "" and line breaks), so the export is checked as a client reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

async function exportCsv(query: string, root = baseUrl(), accept?: string) {
  const path = accept ? `/api/v1/calls?${query}` : `/api/v1/calls.csv?${query}`;
  const res = await fetch(`${root}${path}`, { headers: { authorization: basicAuth(), ...(accept && { accept }) } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, rows: parseCsv(text) };
}

/** The export's rows as objects by header. */
const records = (rows: string[][]) => rows.slice(1).map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])));

describe("post-call analysis without a model (the deterministic analyser)", () => {
  const receivers: { close: () => Promise<void> }[] = [];
  const webhookIds: string[] = [];
  afterAll(async () => {
    for (const id of webhookIds) await api("DELETE", `/api/v1/webhooks/${id}`);
    for (const r of receivers) await r.close();
  });

  it("is null while the interaction is live, then pending, then done: honest about what it knows", async () => {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const hook = await api("POST", "/api/v1/webhooks", { url: receiver.url, events: ["call.analyzed"] });
    expect(hook.status).toBe(201);
    webhookIds.push(hook.body.id);

    const created = await createCall({ channel: "call", customerName: "Ana Lysis", customerPhone: "+14155550161" });
    expect(created.analysis).toBeNull();
    await waitForTerminal(created.id);
    const call = await analysed(created.id);
    const analysis = call.analysis;
    expect(analysis).toMatchObject({
      status: "done",
      method: "rules",
      simulated: true,
      error: null,
      correctedBy: null,
      correctedAt: null,
      // No success criteria on the seeded skill: nothing to judge against.
      successful: null,
      extracted: {},
    });
    expect(analysis?.summary).toMatch(/^A simulated outbound call interaction with Ana Lysis/);
    expect(analysis?.summary).toContain("No real customer took part.");
    expect(analysis?.successReason).toMatch(/no success criteria/);
    expect(["positive", "neutral", "negative", "unknown"]).toContain(analysis?.sentiment);
    expect(analysis?.inVoicemail).toBe(call.status === "voicemail");
    expect(Date.parse(analysis?.analyzedAt ?? "")).toBeGreaterThan(0);
    // A simulated interaction costs nothing, and says so.
    expect(call.cost).toMatchObject({ total: 0, model: 0, simulated: true, note: expect.stringMatching(/Simulated/) });

    // The webhook carries the whole call, analysed, and verifies with the endpoint's secret.
    await expect.poll(() => receiver.received.filter((r) => r.json.data?.id === created.id).length, { timeout: 20_000 }).toBe(1);
    const [event] = receiver.received.filter((r) => r.json.data?.id === created.id);
    expect(event.json.type).toBe("call.analyzed");
    expect(() => new Webhook(hook.body.secret).verify(event.body, event.headers)).not.toThrow();
    expect(callSchema.parse(event.json.data).analysis).toEqual(analysis);
  });

  it("the live stream stays open after the end until the analysis arrives, as an `analyzed` event with the call", async () => {
    const created = await createCall({ channel: "call", customerName: "Live Analysis", customerPhone: "+14155550164" });
    const stream = await openSseStream(`${baseUrl()}/api/v1/calls/${created.id}/events`);
    expect(stream.res.status).toBe(200);
    const events = await collectSse(stream, () => false, 30_000);
    const analyzed = events.filter((e) => e.event === "analyzed");
    expect(analyzed).toHaveLength(1);
    expect(analyzed[0].data).toMatchObject({ id: created.id, analysis: { status: "done", method: "rules" } });
    // The stream ended after it, with the analysed call as its last snapshot.
    const calls = events.filter((e) => e.event === "call");
    expect(calls.at(-1)?.data.analysis.status).toBe("done");
    expect(events.findIndex((e) => e.event === "analyzed")).toBeLessThan(
      events.lastIndexOf(calls.at(-1) as (typeof events)[number]),
    );
    // A viewer coming back after the analysis is told there is nothing more.
    const again = await openSseStream(`${baseUrl()}/api/v1/calls/${created.id}/events`, {
      "last-event-id": calls.at(-1)?.id as string,
    });
    expect(again.res.status).toBe(204);
  });

  it("a correction is kept with who made it, and the list filters by sentiment and success", async () => {
    const one = await createCall({ channel: "sms", customerName: "Cora Rection", customerPhone: "+14155550162" });
    const two = await createCall({ channel: "sms", customerName: "Cora Other", customerPhone: "+14155550163" });
    await Promise.all([analysed(one.id), analysed(two.id)]);

    const byApi = await api("PUT", `/api/v1/calls/${one.id}/analysis`, {
      sentiment: "negative",
      successful: false,
      successReason: "The customer refused the new date.",
    });
    expect(byApi.status, JSON.stringify(byApi.body)).toBe(200);
    expect(byApi.body.analysis).toMatchObject({
      status: "done",
      sentiment: "negative",
      successful: false,
      successReason: "The customer refused the new date.",
      correctedBy: { kind: "api", name: "test-integrator" },
    });
    expect(Date.parse(byApi.body.analysis.correctedAt)).toBeGreaterThan(0);
    // The rest of the analysis is kept.
    expect(byApi.body.analysis.summary).toMatch(/Cora Rection/);

    const { jar } = await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
    const byStaff = await api(
      "PUT",
      `/api/v1/calls/${two.id}/analysis`,
      { sentiment: "positive", successful: true },
      asSession(jar),
    );
    expect(byStaff.status, JSON.stringify(byStaff.body)).toBe(200);
    expect(byStaff.body.analysis.correctedBy).toMatchObject({ kind: "staff", name: expect.any(String) });
    expect((await api("GET", `/api/v1/calls/${two.id}`)).body.analysis.successful).toBe(true);

    const ids = async (query: string) => ((await api("GET", `/api/v1/calls?limit=100&${query}`)).body as Call[]).map((c) => c.id);
    const negative = await ids("sentiment=negative");
    expect(negative).toContain(one.id);
    expect(negative).not.toContain(two.id);
    const successful = await ids("successful=true");
    expect(successful).toContain(two.id);
    expect(successful).not.toContain(one.id);
    expect(await ids("successful=false&sentiment=negative")).toContain(one.id);
    expect(await ids("successful=true&sentiment=negative")).not.toContain(one.id);
  });

  it("exports exactly the list's filters as CSV, with formulas neutralised, from calls.csv and Accept: text/csv", async () => {
    const tag = `csv${Date.now()}`;
    const formula = await createCall({
      channel: "sms",
      customerName: `=HYPERLINK("http://x.test","${tag}")`,
      customerPhone: "+14155550171",
    });
    const plain = await createCall({ channel: "webchat", customerName: `Plain, "Quoted" ${tag}` });
    await analysed(formula.id);
    await api("PUT", `/api/v1/calls/${formula.id}/analysis`, {
      summary: "-1 the customer said @everyone",
      sentiment: "negative",
    });

    const all = await exportCsv(`q=${tag}`);
    expect(all.status).toBe(200);
    expect(all.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(all.headers.get("content-disposition")).toMatch(/^attachment; filename="interactions-.*\.csv"$/);
    const rows = records(all.rows);
    expect(rows.map((r) => r.id)).toEqual([plain.id, formula.id]);
    const [p, f] = rows;
    expect(f.customerName).toBe(`'=HYPERLINK("http://x.test","${tag}")`);
    expect(f.customerPhone).toBe("'+14155550171");
    expect(f.summary).toBe("'-1 the customer said @everyone");
    expect(f).toMatchObject({
      status: "completed",
      channel: "sms",
      sentiment: "negative",
      analysisStatus: "done",
      simulated: "true",
    });
    expect(f.analysisCorrectedBy).toBe("test-integrator");
    expect(p.customerName).toBe(`Plain, "Quoted" ${tag}`);
    // A live interaction has no analysis yet.
    expect(p).toMatchObject({ channel: "webchat", analysisStatus: "", summary: "" });
    // No cell of the file starts a formula.
    for (const row of all.rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);

    // Filters are the list's: channel, sentiment.
    expect(records((await exportCsv(`q=${tag}&channel=sms`)).rows).map((r) => r.id)).toEqual([formula.id]);
    expect(records((await exportCsv(`q=${tag}&sentiment=negative`)).rows).map((r) => r.id)).toEqual([formula.id]);
    expect((await exportCsv(`q=${tag}&sentiment=positive`)).rows).toEqual([all.rows[0]]);

    // Accept: text/csv on the list answers the same export, every row (paging ignored).
    const negotiated = await exportCsv(`q=${tag}&limit=1`, baseUrl(), "text/csv");
    expect(negotiated.status).toBe(200);
    expect(negotiated.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(records(negotiated.rows).map((r) => r.id)).toEqual([plain.id, formula.id]);

    // Bad filters answer the error envelope, not a file.
    const bad = await api("GET", "/api/v1/calls.csv?channel=fax");
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("validation_failed");
    expect((await api("GET", "/api/v1/calls.csv?page=2")).status).toBe(422);
    await api("PUT", `/api/v1/calls/${plain.id}`, { status: "canceled" });
  });

  it("refuses bad corrections and bad filters with the error envelope, and has nothing to correct while live", async () => {
    const call = await createCall({ channel: "webchat", customerName: "Still Live" });
    const live = await api("PUT", `/api/v1/calls/${call.id}/analysis`, { sentiment: "positive" });
    expect(live.status).toBe(409);
    expect(live.body.error.code).toBe("conflict");
    for (const body of [{}, { sentiment: "elated" }, { mood: "x" }, { successful: "yes" }, { extracted: { a: { b: 1 } } }]) {
      const res = await api("PUT", `/api/v1/calls/${call.id}/analysis`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
    }
    const missing = await api("PUT", "/api/v1/calls/00000000-0000-4000-8000-000000000000/analysis", { sentiment: "positive" });
    expect(missing.status).toBe(404);
    for (const query of ["sentiment=happy", "successful=maybe"]) {
      const res = await api("GET", `/api/v1/calls?${query}`);
      expect(res.status, query).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
    }
    await api("PUT", `/api/v1/calls/${call.id}`, { status: "canceled" });
  });
});

describe("post-call analysis with a model (loopback OpenAI-compatible fake)", () => {
  let llm: FakeLlm;
  let app: RunningApp;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    llm = await startFakeLlm();
    const db = await newDatabase(inject("dialect"));
    prepareDatabase(db.url);
    drop = db.drop;
    // A small export page, so the CSV test below crosses page boundaries.
    app = await startApp(db.url, {
      LLM_BASE_URL: llm.baseUrl,
      LLM_MODEL: "fake-model",
      LLM_MAX_ATTEMPTS: "3",
      CSV_EXPORT_PAGE_ROWS: "2",
      LLM_PRICE_PER_1K_INPUT: "0.5",
      LLM_PRICE_PER_1K_OUTPUT: "1.5",
      LLM_PRICE_CURRENCY: "EUR",
    });
    const skill = await api(
      "PUT",
      `/api/v1/skills/${SKILL_ID}`,
      {
        successCriteria: "The customer confirmed the delivery date.",
        analysisFields: [
          { name: "confirmedDate", type: "string", description: "The delivery date the customer confirmed", required: true },
          { name: "wantsCallback", type: "boolean", description: "The customer asked to be called back" },
          { name: "slot", type: "enum", choices: ["morning", "afternoon"], description: "The delivery slot" },
        ],
      },
      {},
      app.url,
    );
    expect(skill.status, JSON.stringify(skill.body)).toBe(200);
    expect(skill.body.analysisFields).toHaveLength(3);
  });

  afterAll(async () => {
    await app?.stop();
    await drop?.();
    await llm?.close();
  });

  /** An outbound web chat waits for its customer: ending it at once leaves the model only the analysis to do. */
  async function endedChat(customerName: string) {
    const call = await createCall({ channel: "webchat", customerName }, app.url);
    return call.id;
  }
  const end = async (id: string) => {
    const res = await api("PUT", `/api/v1/calls/${id}`, { status: "canceled" }, {}, app.url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const analysisRequests = (name: string) =>
    llm.requests.filter(
      (r) => JSON.stringify(r.messages).includes(name) && JSON.stringify(r.messages).includes("post-call analysis"),
    );

  it("writes the analysis from the model's structured output, retrying a malformed answer", async () => {
    const name = "Mona Delmodel";
    const id = await endedChat(name);
    llm.queueFor(
      name,
      { text: "Sure! The customer was happy." },
      {
        text: JSON.stringify({
          summary: "The customer confirmed delivery on 18 March in the morning.",
          sentiment: "positive",
          successful: true,
          successReason: "The customer said 'the 18th works'.",
          inVoicemail: null,
          extracted: { confirmedDate: "2025-03-18", wantsCallback: false, slot: "morning" },
        }),
      },
    );
    await end(id);
    const call = await analysed(id, app.url);
    expect(call.analysis).toMatchObject({
      status: "done",
      method: "model",
      summary: "The customer confirmed delivery on 18 March in the morning.",
      sentiment: "positive",
      successful: true,
      inVoicemail: null,
      extracted: { confirmedDate: "2025-03-18", wantsCallback: false, slot: "morning" },
      error: null,
    });
    expect(analysisRequests(name)).toHaveLength(2);
    // The model was told the criteria and the fields.
    const prompt = JSON.stringify(analysisRequests(name)[0].messages);
    expect(prompt).toContain("The customer confirmed the delivery date.");
    expect(prompt).toContain("confirmedDate");
    // The list filters on what the model said.
    const list = await api("GET", "/api/v1/calls?sentiment=positive&successful=true", undefined, {}, app.url);
    expect((list.body as Call[]).map((c) => c.id)).toEqual([id]);
  });

  it("records the analysis as failed, with the reason, after malformed answers on every attempt", async () => {
    const name = "Mal Formed";
    const id = await endedChat(name);
    llm.queueFor(
      name,
      { garbage: true },
      { text: "not json at all" },
      // Valid JSON, wrong shape: an enum value outside the choices and a missing required field.
      {
        text: JSON.stringify({
          summary: "x",
          sentiment: "elated",
          successful: true,
          successReason: "y",
          inVoicemail: null,
          extracted: {},
        }),
      },
    );
    await end(id);
    const call = await analysed(id, app.url);
    expect(call.status).toBe("canceled");
    expect(call.analysis).toMatchObject({ status: "failed", method: "model", summary: null, sentiment: null });
    expect(call.analysis?.error).toMatch(/failed 3 times/);
    expect(analysisRequests(name)).toHaveLength(3);
    // Never retried past its attempts, and a person can still write the analysis by hand.
    await new Promise((r) => setTimeout(r, 1500));
    expect(analysisRequests(name)).toHaveLength(3);
    const fixed = await api(
      "PUT",
      `/api/v1/calls/${id}/analysis`,
      { summary: "Canceled before the customer answered." },
      {},
      app.url,
    );
    expect(fixed.status).toBe(200);
    expect(fixed.body.analysis).toMatchObject({ status: "done", error: null, summary: "Canceled before the customer answered." });
  });

  it("prices the model's tokens as cost on the call object", async () => {
    const call = await createCall({ channel: "webchat", customerName: "Cost Tally" }, app.url);
    expect(call.simulated).toBe(false);
    const token = (call.links.chat ?? "").split("/").at(-1) as string;
    const sent = await api(
      "POST",
      `/api/chat/${token}/messages`,
      { content: "Hi! When does my order ship?" },
      { authorization: "" },
      app.url,
    );
    expect(sent.status, JSON.stringify(sent.body)).toBeLessThan(300);
    await expect
      .poll(async () => (await api("GET", `/api/v1/calls/${call.id}`, undefined, {}, app.url)).body.usage.promptTokens, {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    const priced = callSchema.parse((await api("GET", `/api/v1/calls/${call.id}`, undefined, {}, app.url)).body);
    const expected = (priced.usage.promptTokens / 1000) * 0.5 + (priced.usage.completionTokens / 1000) * 1.5;
    expect(priced.cost).toMatchObject({ currency: "EUR", simulated: false, provider: 0, note: null });
    expect(priced.cost.model).toBeCloseTo(expected, 6);
    expect(priced.cost.total).toBeCloseTo(expected, 6);
    // The export carries it too.
    const row = records((await exportCsv("q=Cost%20Tally", app.url)).rows)[0];
    expect(Number(row.cost)).toBeCloseTo(expected, 6);
    expect(row.costCurrency).toBe("EUR");
    await end(call.id);
  });

  it("streams the export a page at a time, every row once, newest first", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await endedChat(`Page Row ${i}`));
    const list = await api("GET", "/api/v1/calls?limit=100", undefined, {}, app.url);
    const exported = records((await exportCsv("", app.url)).rows).map((r) => r.id);
    expect(exported).toEqual((list.body as Call[]).map((c) => c.id));
    expect(new Set(exported).size).toBe(exported.length);
    expect(exported.slice(0, 5)).toEqual([...ids].reverse());
    for (const id of ids) await end(id);
  });
});
