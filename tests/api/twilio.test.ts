// Twilio voice, SMS and WhatsApp end to end: the built app, a loopback Twilio that speaks Twilio's REST
// API and TwiML and signs its callbacks (tests/support/fake-twilio.ts), and a loopback model as the
// agent's brain (tests/support/fake-llm.ts). Every status path of both channel kinds, the recording, and
// forged webhooks, on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { newDatabase, prepareDatabase, type RunningApp, startApp, TEST_ADMIN } from "../support/app";
import { AGENT_ID, api, asSession, SKILL_ID, signIn } from "../support/api";
import { type FakeLlm, startFakeLlm } from "../support/fake-llm";
import { FAKE_PRICES, type FakeTwilio, startFakeTwilio, twilioSignature } from "../support/fake-twilio";

const ACCOUNT_SID = `AC${"a".repeat(32)}`;
const AUTH_TOKEN = "twilio-test-auth-token";
const AGENT_PHONE = "+14155550100"; // the seeded agent Ava's phone: her caller ID and SMS sender
const WHATSAPP_FROM = "whatsapp:+14155550199";
const TEMPLATE = `HX${"b".repeat(32)}`;

let llm: FakeLlm;
let twilio: FakeTwilio;
let app: RunningApp;
let drop: () => Promise<void>;

beforeAll(async () => {
  llm = await startFakeLlm();
  // Twilio rates a call or message a second after its end here, so the app's first price fetch (200 ms
  // after the end) finds it unrated and has to come back.
  twilio = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, callbackDelayMs: 15, priceDelayMs: 1000 });
  const db = await newDatabase(inject("dialect"));
  prepareDatabase(db.url);
  drop = db.drop;
  app = await startApp(db.url, {
    LLM_BASE_URL: llm.baseUrl,
    LLM_MODEL: "fake-model",
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_API_BASE_URL: twilio.url,
    TWILIO_WHATSAPP_FROM: WHATSAPP_FROM,
    TWILIO_PRICE_POLL_MS: "200",
  });
});

afterAll(async () => {
  await app?.stop();
  await drop?.();
  await twilio?.close();
  await llm?.close();
});

type Json = Record<string, any>; // loosely typed JSON bodies

const get = async (id: string): Promise<Json> => (await api("GET", `/api/v1/calls/${id}`, undefined, {}, app.url)).body;

async function create(body: Json): Promise<Json> {
  const res = await api("POST", "/api/v1/calls", { agentId: AGENT_ID, skillId: SKILL_ID, ...body }, {}, app.url);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function until(id: string, ok: (c: Json) => boolean, timeout = 20_000): Promise<Json> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const c = await get(id);
    if (ok(c)) return c;
    if (Date.now() > deadline) throw new Error(`timed out; the call is ${JSON.stringify(c).slice(0, 1500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An amount as the app reports it: to a millionth. */
const money = (n: number) => Math.round(n * 1_000_000) / 1_000_000;
const statuses = (c: Json) => (c.statusHistory as Json[]).map((h) => h.status);
const lines = (c: Json, sender: string) => (c.messages as Json[]).filter((m) => m.sender === sender && !m.internal);
let n = 0;
/** A fresh customer number per test, so scenarios and open conversations never collide. */
const customer = () => `+1555020${String(++n).padStart(4, "0")}`;

describe("voice calls through Twilio", () => {
  it("places the call with the documented parameters, holds a turn-by-turn conversation, and keeps the recording", async () => {
    const to = customer();
    twilio.scenario(to, { kind: "answer", say: ["I want to move my delivery to Friday", "That's all, bye"] });
    const created = await create({ channel: "call", customerPhone: to, customerName: "Sam Lee" });
    expect(created).toMatchObject({ provider: "twilio", simulated: false, brain: "llm", status: "queued" });

    const ended = await until(created.id, (c) => c.status === "completed" && c.recordingUrl !== null);
    const placed = twilio.calls.find((c) => c.to === to);
    expect(placed?.params).toMatchObject({
      To: to,
      From: AGENT_PHONE,
      Url: `${app.url}/api/twilio/voice/answer?i=${created.id}`,
      StatusCallback: `${app.url}/api/twilio/voice/status?i=${created.id}`,
      Record: "true",
      RecordingStatusCallback: `${app.url}/api/twilio/voice/recording?i=${created.id}`,
      MachineDetection: "Enable",
    });
    expect([placed?.params.StatusCallbackEvent].flat().sort()).toEqual(["answered", "completed", "initiated", "ringing"]);
    expect(ended.externalId).toBe(placed?.sid);

    // The customer heard the opening line, then the model's answers (with "One moment." while a slow turn
    // ran past 2 s); the model heard what they said.
    expect(placed?.said.filter((line) => line !== "One moment.")).toEqual([
      lines(ended, "agent")[0].content,
      expect.stringMatching(/^Model reply \d: I understand "I want to move my delivery to Friday"\.$/),
      "Goodbye, take care!",
    ]);
    expect(lines(ended, "customer").map((m) => m.content)).toEqual(["I want to move my delivery to Friday", "That's all, bye"]);
    expect(placed?.hungUpBy).toBe("twiml");
    expect(ended.transcription).toContain("Customer: I want to move my delivery to Friday");
    expect(statuses(ended)).toEqual(["queued", "initiated", "ringing", "in-progress", "completed"]);

    // Twilio's own duration, and Twilio's recording served (and seekable) through Callboard's signed link.
    await twilio.settled(placed!.sid);
    const final = await until(created.id, (c) => c.duration === String(placed?.duration));
    expect(Number(final.duration)).toBeGreaterThan(0);
    const whole = await fetch(final.recordingUrl);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toMatch(/audio\/wav/);
    const audio = Buffer.from(await whole.arrayBuffer());
    expect(audio.subarray(0, 4).toString()).toBe("RIFF");
    const part = await fetch(final.recordingUrl, { headers: { Range: "bytes=100-199" } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(audio.subarray(100, 200));

    // What Twilio charged, read back from the call resource once Twilio had rated it (not on the first try).
    const priced = await until(created.id, (c) => c.cost.provider !== null);
    const minutes = Math.max(1, Math.ceil(Number(placed?.duration) / 60));
    expect(priced.cost.provider).toBe(money(FAKE_PRICES.callPerMinute * minutes));
    expect(priced.cost.total).toBeGreaterThanOrEqual(priced.cost.provider);
    const fetches = twilio.requests.filter((r) => r.method === "GET" && r.path.endsWith(`/Calls/${placed?.sid}.json`));
    expect(fetches.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ["busy", "busy", ["queued", "initiated", "ringing", "busy"]],
    ["no-answer", "no-answer", ["queued", "initiated", "ringing", "no-answer"]],
    ["failed", "failed", ["queued", "initiated", "failed"]],
  ] as [string, string, string[]][])("ends a %s call as %s", async (kind, status, path) => {
    const to = customer();
    twilio.scenario(to, { kind } as never);
    const created = await create({ channel: "call", customerPhone: to });
    const ended = await until(created.id, (c) => c.status === status);
    expect(statuses(ended)).toEqual(path);
    expect(ended.recordingUrl).toBeNull();
    // Twilio never charges a call nobody answered: its price stays null there, and is 0 here.
    expect((await until(created.id, (c) => c.cost.provider !== null)).cost.provider).toBe(0);
  });

  it("an invalid number fails the interaction with Twilio's code and message, never a 5xx to the client", async () => {
    const to = customer();
    twilio.scenario(to, { kind: "invalid" });
    const created = await create({ channel: "call", customerPhone: to });
    const ended = await until(created.id, (c) => c.status === "failed");
    expect(ended.endReason).toMatch(/21211/);
    expect(ended.endReason).toMatch(/not a valid phone number/);
  });

  it("retries Twilio's 5xx with backoff, then places the call", async () => {
    const to = customer();
    twilio.scenario(to, { kind: "server-error", times: 1 });
    const created = await create({ channel: "call", customerPhone: to });
    await until(created.id, (c) => c.status === "completed", 30_000);
    expect(twilio.requests.filter((r) => r.path.endsWith("/Calls.json") && r.params.To === to).map((r) => r.status)).toEqual([
      500, 201,
    ]);
  });

  it("an answering machine gets the agent's voicemail message, and the call ends as voicemail", async () => {
    await api(
      "PUT",
      `/api/v1/agents/${AGENT_ID}`,
      { voicemailMessage: "Hi, this is Ava from Callboard. Please call us back." },
      {},
      app.url,
    );
    const to = customer();
    twilio.scenario(to, { kind: "machine" });
    const created = await create({ channel: "call", customerPhone: to });
    const ended = await until(created.id, (c) => c.status === "voicemail");
    const placed = twilio.calls.find((c) => c.to === to);
    expect(placed?.answeredBy).toMatch(/^machine/);
    expect(placed?.said).toEqual(["Hi, this is Ava from Callboard. Please call us back."]);
    expect(ended.endReason).toMatch(/answering machine/);
    await api("PUT", `/api/v1/agents/${AGENT_ID}`, { voicemailMessage: "" }, {}, app.url);
  });

  it("out-of-order and repeated callbacks never move the call backwards", async () => {
    const to = customer();
    twilio.scenario(to, { kind: "answer", say: ["bye"], outOfOrder: true, duplicate: true });
    const created = await create({ channel: "call", customerPhone: to });
    const placed = await twilio.waitFor((f) => f.calls.find((c) => c.to === to));
    await twilio.settled(placed.sid);
    const ended = await until(created.id, (c) => c.status === "completed");
    expect(statuses(ended)).toEqual(["queued", "initiated", "ringing", "in-progress", "completed"]);
    expect(placed.callbacks.every((c) => c.status >= 200 && c.status < 300)).toBe(true);
  });

  it("the agent hands off: the customer is dialled through to the transfer number", async () => {
    await api("PUT", `/api/v1/agents/${AGENT_ID}`, { transferNumber: "+14155550999" }, {}, app.url);
    const to = customer();
    twilio.scenario(to, { kind: "answer", say: ["Can I talk to a person please"] });
    const created = await create({ channel: "call", customerPhone: to });
    const ended = await until(created.id, (c) => c.status === "transferred");
    const placed = twilio.calls.find((c) => c.to === to);
    await twilio.settled(placed!.sid);
    expect(placed?.dialed).toBe("+14155550999");
    expect(ended.endReason).toMatch(/\+14155550999/);
    await api("PUT", `/api/v1/agents/${AGENT_ID}`, { transferNumber: null }, {}, app.url);
  });

  it("staff cancel a ringing call: Twilio is told to cancel it", async () => {
    const to = customer();
    twilio.scenario(to, { kind: "answer", ringMs: 3_000 });
    const created = await create({ channel: "call", customerPhone: to });
    await until(created.id, (c) => c.status === "ringing");
    const res = await api("PUT", `/api/v1/calls/${created.id}`, { status: "canceled" }, {}, app.url);
    expect(res.status).toBe(200);
    const placed = await twilio.waitFor((f) => f.calls.find((c) => c.to === to && c.status === "canceled"));
    expect(placed.hungUpBy).toBe("api");
    expect((await get(created.id)).status).toBe("canceled");
  });

  it("answers a call to the agent's number as an inbound interaction", async () => {
    const from = customer();
    const call = await twilio.inboundCall({ from, to: AGENT_PHONE, url: `${app.url}/api/twilio/voice`, say: ["Hello, bye"] });
    await twilio.settled(call.sid);
    const list = await api("GET", `/api/v1/calls?direction=inbound&channel=call`, undefined, {}, app.url);
    const inbound = (list.body as Json[]).find((c) => c.customerPhone === from);
    expect(inbound).toMatchObject({ direction: "inbound", provider: "twilio", externalId: call.sid });
    const ended = await until(inbound!.id, (c) => c.status === "completed");
    expect(lines(ended, "customer").map((m) => m.content)).toEqual(["Hello, bye"]);
    expect(call.said[0]).toBe(lines(ended, "agent")[0].content);
  });
});

describe("SMS and WhatsApp through Twilio", () => {
  it("an SMS conversation goes back and forth, with delivery statuses on each message", async () => {
    const to = customer();
    const created = await create({ channel: "sms", customerPhone: to });
    const sent = await twilio.waitFor((f) => f.messages.find((m) => m.to === to));
    expect(sent).toMatchObject({ from: AGENT_PHONE, statusCallback: expect.stringContaining("/api/twilio/messages/status?m=") });
    const delivered = await until(created.id, (c) => c.status === "delivered" && lines(c, "agent")[0]?.status === "delivered");
    expect(lines(delivered, "agent")[0]).toMatchObject({ externalId: sent.sid, content: sent.body });

    const reply = await twilio.inboundMessage({
      from: to,
      to: AGENT_PHONE,
      url: `${app.url}/api/twilio/messages`,
      body: "Is my order on time?",
    });
    expect(reply.status).toBe(200);
    const answered = await until(
      created.id,
      (c) => lines(c, "agent").length === 2 && lines(c, "agent")[1].status === "delivered",
    );
    expect(answered.status).toBe("in-progress");
    expect(lines(answered, "customer")[0]).toMatchObject({
      content: "Is my order on time?",
      externalId: reply.params.MessageSid,
    });
    const second = twilio.messages.filter((m) => m.to === to);
    expect(second.map((m) => m.body)).toEqual(lines(answered, "agent").map((m) => m.content));

    // Twilio retrying the same inbound message changes nothing.
    const again = await fetch(`${app.url}/api/twilio/messages`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": twilioSignature(AUTH_TOKEN, `${app.url}/api/twilio/messages`, reply.params),
      },
      body: new URLSearchParams(reply.params).toString(),
    });
    expect(again.status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(lines(await get(created.id), "customer")).toHaveLength(1);

    // Ended, the conversation's price is what Twilio charged for each message, both ways.
    expect((await api("PUT", `/api/v1/calls/${created.id}`, { status: "completed" }, {}, app.url)).status).toBe(200);
    const priced = await until(created.id, (c) => c.cost.provider !== null);
    const segments = (body: string) => Math.max(1, Math.ceil(body.length / 160));
    const bodies = [...lines(priced, "agent"), ...lines(priced, "customer")].map((m) => m.content as string);
    expect(priced.cost.provider).toBe(money(bodies.reduce((sum, b) => sum + FAKE_PRICES.smsPerSegment * segments(b), 0)));
  });

  it("an undelivered first SMS ends the interaction with Twilio's reason", async () => {
    const to = customer();
    twilio.scenario(to, { kind: "undelivered" });
    const created = await create({ channel: "sms", customerPhone: to });
    const ended = await until(created.id, (c) => c.status === "undelivered");
    expect(ended.endReason).toMatch(/30003/);
    expect(lines(ended, "agent")[0]).toMatchObject({ status: "undelivered", error: expect.stringMatching(/30003/) });
  });

  it("a text to the agent's number starts an inbound conversation that the brain answers", async () => {
    const from = customer();
    const res = await twilio.inboundMessage({
      from,
      to: AGENT_PHONE,
      url: `${app.url}/api/twilio/messages`,
      body: "Hi, do you ship to Canada?",
    });
    expect(res.status).toBe(200);
    const list = await api("GET", "/api/v1/calls?direction=inbound&channel=sms", undefined, {}, app.url);
    const inbound = (list.body as Json[]).find((c) => c.customerPhone === from);
    const answered = await until(inbound!.id, (c) => lines(c, "agent").length === 1);
    expect(answered).toMatchObject({ direction: "inbound", provider: "twilio", status: "in-progress" });
    await twilio.waitFor((f) => f.messages.find((m) => m.to === from && m.body === lines(answered, "agent")[0].content));
  });

  it("WhatsApp outside the 24-hour window: 422 without a template, the template with one, free-form after the customer writes", async () => {
    const to = customer();
    const refused = await api(
      "POST",
      "/api/v1/calls",
      { agentId: AGENT_ID, skillId: SKILL_ID, channel: "whatsapp", customerPhone: to },
      {},
      app.url,
    );
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toMatch(/24 hours/);

    await api("PUT", `/api/v1/agents/${AGENT_ID}`, { whatsappTemplateSid: TEMPLATE }, {}, app.url);
    const created = await create({ channel: "whatsapp", customerPhone: to, customerName: "Kim Ortega" });
    const sent = await twilio.waitFor((f) => f.messages.find((m) => m.to === `whatsapp:${to}`));
    expect(sent).toMatchObject({ from: WHATSAPP_FROM, contentSid: TEMPLATE });
    expect(JSON.parse(sent.contentVariables ?? "{}")).toMatchObject({ "1": "Kim" });
    await until(created.id, (c) => c.status === "read");

    await twilio.inboundMessage({
      from: `whatsapp:${to}`,
      to: WHATSAPP_FROM,
      url: `${app.url}/api/twilio/messages`,
      body: "Yes please",
      profileName: "Kim",
    });
    const answered = await until(created.id, (c) => lines(c, "agent").length === 2);
    const reply = await twilio.waitFor((f) =>
      f.messages.find((m) => m.to === `whatsapp:${to}` && m.body === lines(answered, "agent")[1].content),
    );
    expect(reply.contentSid).toBeUndefined();
    await api("PUT", `/api/v1/agents/${AGENT_ID}`, { whatsappTemplateSid: null }, {}, app.url);
  });

  it("staff take over an SMS conversation: their reply goes out through Twilio", async () => {
    const from = customer();
    await twilio.inboundMessage({ from, to: AGENT_PHONE, url: `${app.url}/api/twilio/messages`, body: "Hello there" });
    const list = await api("GET", "/api/v1/calls?direction=inbound&channel=sms", undefined, {}, app.url);
    const id = (list.body as Json[]).find((c) => c.customerPhone === from)!.id;
    await until(id, (c) => lines(c, "agent").length === 1);
    const staff = await api("POST", `/api/v1/calls/${id}/messages`, { content: "Hi, this is Dana from support." }, {}, app.url);
    expect(staff.status).toBe(201);
    await twilio.waitFor((f) => f.messages.find((m) => m.to === from && m.body === "Hi, this is Dana from support."));
    const after = await until(id, (c) => lines(c, "staff")[0]?.status === "delivered");
    expect(after.takenOverBy).not.toBeNull();
  });
});

describe("webhook security", () => {
  const post = (path: string, params: Record<string, string>, signature?: string) =>
    fetch(`${app.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...(signature && { "x-twilio-signature": signature }) },
      body: new URLSearchParams(params).toString(),
    });

  it("refuses forged or unsigned requests with 403 and stores nothing", async () => {
    const before = (await api("GET", "/api/v1/calls?limit=1", undefined, {}, app.url)).headers.get("x-total-count");
    const params = { MessageSid: `SM${"c".repeat(32)}`, From: "+15550009999", To: AGENT_PHONE, Body: "forged", NumMedia: "0" };
    const url = `${app.url}/api/twilio/messages`;
    const unsigned = await post("/api/twilio/messages", params);
    const wrongKey = await post("/api/twilio/messages", params, twilioSignature("not-the-token", url, params));
    const otherUrl = await post(
      "/api/twilio/messages",
      params,
      twilioSignature(AUTH_TOKEN, "https://evil.example/api/twilio/messages", params),
    );
    const tampered = await post("/api/twilio/messages", { ...params, Body: "changed" }, twilioSignature(AUTH_TOKEN, url, params));
    for (const res of [unsigned, wrongKey, otherUrl, tampered]) {
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
    }
    const voice = await post("/api/twilio/voice", { CallSid: `CA${"d".repeat(32)}`, From: "+15550009999", To: AGENT_PHONE });
    expect(voice.status).toBe(403);
    expect((await api("GET", "/api/v1/calls?limit=1", undefined, {}, app.url)).headers.get("x-total-count")).toBe(before);
  });

  it("the channels page reports Twilio's credentials and inbound URLs, and sends a test SMS", async () => {
    const { jar } = await signIn(TEST_ADMIN.email, TEST_ADMIN.password, app.url);
    const status = await api("GET", "/api/v1/channels", undefined, asSession(jar, app.url), app.url);
    expect(status.status).toBe(200);
    expect(status.body.twilio).toMatchObject({
      configured: true,
      credentials: "ok",
      accountSid: ACCOUNT_SID,
      inboundUrls: { voice: `${app.url}/api/twilio/voice`, messages: `${app.url}/api/twilio/messages` },
    });
    expect(status.body.channels).toContainEqual({ channel: "sms", provider: "twilio" });
    expect(status.body.channels).toContainEqual({ channel: "webchat", provider: "webchat" });

    const to = customer();
    const test = await api(
      "POST",
      "/api/v1/channels/twilio/test",
      { kind: "sms", to, agentId: AGENT_ID },
      asSession(jar, app.url),
      app.url,
    );
    expect(test.status).toBe(201);
    expect((await twilio.waitFor((f) => f.messages.find((m) => m.to === to))).body).toMatch(/Callboard test/);
    twilio.scenario(to, { kind: "invalid" });
    const bad = await api(
      "POST",
      "/api/v1/channels/twilio/test",
      { kind: "call", to, agentId: AGENT_ID },
      asSession(jar, app.url),
      app.url,
    );
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toMatch(/21211|not a valid/);
  });
});
