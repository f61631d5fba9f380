// Self-test of the loopback fake Twilio (tests/support/fake-twilio.ts): the real SDK talks to it, a tiny TwiML
// app answers its webhooks, and every webhook it sends must pass the SDK's own signature check. It lives here,
// beside the Twilio transport, because the unit project only collects lib/, server/ and components/.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";
import RequestClient from "twilio/lib/base/RequestClient";
import { getExpectedTwilioSignature } from "twilio/lib/webhooks/webhooks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeTwilio, parseXml, startFakeTwilio, twilioSignature } from "@/tests/support/fake-twilio";

const ACCOUNT = `AC${"1".repeat(32)}`;
const TOKEN = "test-auth-token";
const KEY = `SK${"2".repeat(32)}`;
const SECRET = "api-key-secret";
const FROM = "+15550000000";
const xml = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><Response>${inner}</Response>`;

type Hit = { method: string; path: string; query: URLSearchParams; params: Record<string, string>; valid: boolean };
type Reply = string | { status: number; type?: string; body: string };
type Route = (params: Record<string, string>, query: URLSearchParams) => Reply | Promise<Reply>;

/** A tiny TwiML app: checks every request's X-Twilio-Signature with the SDK and answers from `routes`. */
async function startApp(routes: Record<string, Route>) {
  const hits: Hit[] = [];
  const server: Server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const url = `${app.url}${req.url}`;
    const params = Object.fromEntries(new URLSearchParams(body));
    const valid = twilio.validateRequest(TOKEN, String(req.headers["x-twilio-signature"] ?? ""), url, params);
    const { pathname, searchParams } = new URL(url);
    hits.push({ method: req.method ?? "", path: pathname, query: searchParams, params, valid });
    const out = (await routes[pathname]?.(params, searchParams)) ?? "";
    const reply = typeof out === "string" ? { status: 200, type: "text/xml", body: out } : out;
    res.writeHead(reply.status, { "Content-Type": reply.type ?? "text/xml" });
    res.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const app = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    to: (path: string) => hits.filter((h) => h.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the fake's keep-alive sockets would hold close() for seconds
      }),
  };
  return app;
}

/** The real SDK with every https://api.twilio.com request moved to the fake, as the app does. */
function sdk(base: string, user = ACCOUNT, password = TOKEN) {
  class Rebasing extends RequestClient {
    request<TData>(opts: RequestClient.RequestOptions<TData>) {
      return super.request({ ...opts, uri: opts.uri.replace("https://api.twilio.com", base) });
    }
  }
  return twilio(user, password, { accountSid: ACCOUNT, httpClient: new Rebasing() });
}

let fake: FakeTwilio;
let app: Awaited<ReturnType<typeof startApp>>;
let routes: Record<string, Route>;
let client: ReturnType<typeof twilio>;

beforeEach(async () => {
  routes = {};
  fake = await startFakeTwilio({ accountSid: ACCOUNT, authToken: TOKEN, apiKeys: { [KEY]: SECRET }, callbackDelayMs: 5 });
  app = await startApp(routes);
  client = sdk(fake.url);
});
afterEach(async () => {
  // Every webhook the fake sent in the test carried a valid signature.
  expect(app.hits.filter((h) => !h.valid)).toEqual([]);
  await fake.close();
  await app.close();
});

const placeCall = (to: string, extra: Record<string, unknown> = {}) =>
  client.calls.create({
    to,
    from: FROM,
    url: `${app.url}/answer`,
    statusCallback: `${app.url}/status`,
    statusCallbackEvent: ["initiated", "ringing", "answered", "completed"],
    ...extra,
  });
const statuses = (path = "/status") => app.to(path).map((h) => h.params.CallStatus ?? h.params.MessageStatus);
const ended = async (sid: string) => {
  await fake.settled(sid);
  return fake.calls.find((c) => c.sid === sid)!;
};

describe("fake Twilio: REST through the real SDK", () => {
  it("fetches the account, creates a call and a message, updates a call, with token or API key auth", async () => {
    const account = await client.api.v2010.accounts(ACCOUNT).fetch();
    expect(account).toMatchObject({ sid: ACCOUNT, status: "active" });
    expect((await sdk(fake.url, KEY, SECRET).api.v2010.accounts(ACCOUNT).fetch()).sid).toBe(ACCOUNT);
    await expect(sdk(fake.url, ACCOUNT, "wrong").api.v2010.accounts(ACCOUNT).fetch()).rejects.toMatchObject({
      status: 401,
      code: 20003,
    });
    expect(fake.requests.map((r) => r.authOk)).toEqual([true, true, false]);

    fake.scenario("+15550001001", { kind: "answer", ringMs: 2000 }); // rings long enough to be canceled
    const call = await placeCall("+15550001001", { record: true, machineDetection: "Enable" });
    expect(call.sid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(call.status).toBe("queued");
    expect(fake.calls[0].params).toMatchObject({
      To: "+15550001001",
      From: FROM,
      Record: "true",
      MachineDetection: "Enable",
      StatusCallbackEvent: ["initiated", "ringing", "answered", "completed"],
    });
    await fake.waitFor((f) => f.calls[0].status === "ringing");
    const updated = await client.calls(call.sid).update({ status: "completed" });
    expect(updated.status).toBe("canceled"); // hung up before it was answered
    await ended(call.sid);
    expect(statuses()).toEqual(["initiated", "ringing", "canceled"]);
    expect(fake.calls[0]).toMatchObject({ hungUpBy: "api", duration: 0 });
    expect(app.to("/answer")).toEqual([]);

    const message = await client.messages.create({
      to: "+15550001002",
      from: FROM,
      body: "Hi there",
      statusCallback: `${app.url}/ms`,
    });
    expect(message).toMatchObject({ status: "queued", body: "Hi there", errorCode: null });
    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    await fake.waitFor(() => app.to("/ms").length === 2);
    expect(statuses("/ms")).toEqual(["sent", "delivered"]);
    expect((await client.messages(message.sid).fetch()).status).toBe("delivered");
  });

  it("answers errors like Twilio: 21211, 21603, 500 then success, 404", async () => {
    fake.scenario("+15550002001", { kind: "invalid" });
    await expect(placeCall("+15550002001")).rejects.toMatchObject({ status: 400, code: 21211 });
    await expect(client.messages.create({ to: "12345", from: FROM, body: "x" })).rejects.toMatchObject({ code: 21211 });
    await expect(client.messages.create({ to: "+15550002002", body: "x" })).rejects.toMatchObject({ status: 400, code: 21603 });
    fake.scenario("+15550002003", { kind: "server-error", times: 1 });
    await expect(placeCall("+15550002003")).rejects.toMatchObject({ status: 500 });
    expect((await placeCall("+15550002003")).status).toBe("queued");
    await expect(client.calls(`CA${"0".repeat(32)}`).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  });
});

describe("fake Twilio: voice", () => {
  it("runs a scripted conversation: SSML Say, Gather speech, Redirect, Dial, recording with Range", async () => {
    routes["/answer"] = () =>
      xml(
        `<Say voice="Polly.Joanna-Neural" language="en-US"><prosody rate="90%">Hello, this is <emphasis>Callboard</emphasis>.</prosody></Say>` +
          `<Gather input="speech" action="/turn?n=1" speechTimeout="auto" speechModel="phone_call" language="en-US">` +
          `<Say>How can I help?</Say></Gather><Say>Unreachable after a Gather that heard speech.</Say>`,
      );
    routes["/turn"] = (p) =>
      xml(`<Say>You said: ${p.SpeechResult}</Say><Pause length="2"/><Redirect method="POST">/menu</Redirect>`);
    routes["/menu"] = () =>
      xml(`<Gather input="speech" action="/last" actionOnEmptyResult="true"><Say>Anything else?</Say></Gather>`);
    routes["/last"] = () => xml(`<Say>Connecting you to a person.</Say><Dial>+15550009999</Dial>`);
    fake.scenario("+15550003001", { kind: "answer", say: ["I need help with my order", "A person please"] });

    const { sid } = await placeCall("+15550003001", { record: true, recordingStatusCallback: `${app.url}/recording` });
    await fake.waitFor(() => app.to("/recording").length === 1);
    const call = fake.calls[0];
    expect(call.said).toEqual([
      "Hello, this is Callboard.",
      "How can I help?",
      "You said: I need help with my order",
      "Anything else?",
      "Connecting you to a person.",
    ]);
    expect(call.says[0]).toMatchObject({ voice: "Polly.Joanna-Neural", language: "en-US", rate: "90%", inGather: false });
    expect(call.says[1].inGather).toBe(true);
    expect(call.gathers[0].attributes).toMatchObject({ speechTimeout: "auto", speechModel: "phone_call" });
    expect(call).toMatchObject({ gathered: ["I need help with my order", "A person please"], pauses: [2] });
    expect(call).toMatchObject({
      dialed: "+15550009999",
      status: "completed",
      hungUpBy: "twiml",
      redirects: [`${app.url}/menu`],
    });

    const [answer] = app.to("/answer");
    expect(answer.params).toMatchObject({
      CallSid: sid,
      AccountSid: ACCOUNT,
      CallStatus: "in-progress",
      Direction: "outbound-api",
    });
    expect(app.to("/turn")[0].query.get("n")).toBe("1");
    expect(app.to("/turn")[0].params).toMatchObject({ SpeechResult: "I need help with my order", Confidence: "0.92" });
    expect(app.to("/last")[0].params.SpeechResult).toBe("A person please");

    const events = app.to("/status").map((h) => h.params);
    expect(events.map((e) => [e.CallStatus, e.SequenceNumber, e.CallbackSource])).toEqual([
      ["initiated", "0", "call-progress-events"],
      ["ringing", "1", "call-progress-events"],
      ["in-progress", "2", "call-progress-events"],
      ["completed", "3", "call-progress-events"],
    ]);
    expect(Number(events[3].CallDuration)).toBeGreaterThan(10);
    expect(events[3].Timestamp).toMatch(/^\w{3}, \d{2} \w{3} \d{4} [\d:]{8} \+0000$/);

    const rec = app.to("/recording")[0].params;
    expect(rec).toMatchObject({
      CallSid: sid,
      RecordingStatus: "completed",
      RecordingChannels: "1",
      RecordingSource: "OutboundAPI",
    });
    expect(rec.RecordingUrl).toBe(`${fake.url}/2010-04-01/Accounts/${ACCOUNT}/Recordings/${rec.RecordingSid}`);
    expect(rec.RecordingDuration).toBe(events[3].CallDuration);
    const auth = { Authorization: `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString("base64")}` };
    expect((await fetch(`${rec.RecordingUrl}.wav`)).status).toBe(401);
    const wav = Buffer.from(await (await fetch(`${rec.RecordingUrl}.wav`, { headers: auth })).arrayBuffer());
    expect(wav.subarray(0, 4).toString()).toBe("RIFF");
    expect(wav.readUInt32LE(40)).toBe(Number(rec.RecordingDuration) * 8000 * 2); // 8 kHz 16-bit mono PCM
    const part = await fetch(`${rec.RecordingUrl}.wav`, { headers: { ...auth, Range: "bytes=8-15" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 8-15/${wav.length}`);
    expect(Buffer.from(await part.arrayBuffer()).toString()).toBe("WAVEfmt ");
    const tail = await fetch(`${rec.RecordingUrl}.wav`, { headers: { ...auth, Range: "bytes=-4" } });
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(wav.subarray(-4));
    expect((await fetch(`${rec.RecordingUrl}.wav`, { headers: { ...auth, Range: `bytes=${wav.length}-` } })).status).toBe(416);
    const mp3 = await fetch(`${rec.RecordingUrl}.mp3`, { headers: auth });
    expect(mp3.headers.get("content-type")).toBe("audio/mpeg");
    expect([...Buffer.from(await mp3.arrayBuffer()).subarray(0, 2)]).toEqual([0xff, 0xfb]);
  });

  it("silence goes on to the next verb; out of words, the customer hangs up", async () => {
    routes["/answer"] = () =>
      xml(
        `<Gather input="speech" action="/never"><Say>Hello?</Say></Gather><Say>Are you there?</Say><Gather input="speech" action="/never"/>`,
      );
    fake.scenario("+15550004001", { kind: "answer", say: [""] });
    const { sid } = await placeCall("+15550004001");
    await ended(sid);
    expect(fake.calls[0]).toMatchObject({ said: ["Hello?", "Are you there?"], hungUpBy: "customer", status: "completed" });
    expect(app.to("/never")).toEqual([]);
  });

  it("a machine answers: AnsweredBy on the voice request and the answered callback", async () => {
    routes["/answer"] = (p) => xml(p.AnsweredBy === "human" ? "<Say>Hi!</Say>" : "<Say>Please call us back.</Say><Hangup/>");
    fake.scenario("+15550005001", { kind: "machine" });
    const { sid } = await placeCall("+15550005001", { machineDetection: "Enable" });
    await ended(sid);
    expect(app.to("/answer")[0].params.AnsweredBy).toBe("machine_start");
    expect(app.to("/status").find((h) => h.params.CallStatus === "in-progress")?.params.AnsweredBy).toBe("machine_start");
    expect(fake.calls[0]).toMatchObject({ answeredBy: "machine_start", said: ["Please call us back."], hungUpBy: "twiml" });
  });

  it("busy, no-answer and failed end without an answer", async () => {
    for (const kind of ["busy", "no-answer", "failed"] as const) {
      const to = `+1555000600${["busy", "no-answer", "failed"].indexOf(kind)}`;
      fake.scenario(to, { kind });
      const { sid } = await placeCall(to);
      await ended(sid);
      const mine = app.to("/status").filter((h) => h.params.CallSid === sid);
      expect(mine.map((h) => h.params.CallStatus)).toEqual(
        kind === "no-answer" ? ["initiated", "ringing", kind] : ["initiated", kind],
      );
      expect(mine.at(-1)?.params.CallDuration).toBe("0");
    }
    expect(app.to("/answer")).toEqual([]);
  });

  it("an app error (500, bad XML, unknown verb) is an application error that ends the call", async () => {
    const cases: [Reply, number][] = [
      [{ status: 500, body: "oops" }, 11200],
      [{ status: 200, type: "text/plain", body: "hi" }, 12300],
      ["<Response><Say>unclosed</Response>", 12100],
      [xml("<Speak>hi</Speak>"), 12200],
    ];
    for (const [index, [reply, code]] of cases.entries()) {
      routes["/answer"] = () => reply;
      const { sid } = await placeCall(`+155500070${index}0`);
      const call = await ended(sid);
      expect(call).toMatchObject({ applicationError: { code }, hungUpBy: "error", status: "completed" });
    }
  });

  it("a REST update redirects the live call; Status=completed hangs it up", async () => {
    routes["/answer"] = () => xml(`<Say>Please hold.</Say><Redirect>/hold</Redirect>`);
    routes["/hold"] = async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return xml(`<Pause length="5"/><Redirect>/hold</Redirect>`);
    };
    const first = await placeCall("+15550008001");
    await fake.waitFor(() => app.to("/hold").length > 0);
    await client.calls(first.sid).update({ twiml: xml("<Say>Thanks for holding.</Say><Hangup/>") });
    await ended(first.sid);
    expect(fake.calls[0]).toMatchObject({ said: ["Please hold.", "Thanks for holding."], hungUpBy: "twiml" });

    const second = await placeCall("+15550008002");
    await fake.waitFor(() => app.to("/hold").some((h) => h.params.CallSid === second.sid));
    expect((await client.calls(second.sid).update({ status: "completed" })).status).toBe("completed");
    await ended(second.sid);
    expect(fake.calls[1].hungUpBy).toBe("api");
    await expect(client.calls(second.sid).update({ url: `${app.url}/answer` })).rejects.toMatchObject({ code: 21220 });
  });

  it("callbacks can arrive out of order or twice, and by GET", async () => {
    routes["/answer"] = () => xml("<Hangup/>");
    fake.scenario("+15550009001", { kind: "answer", outOfOrder: true, duplicate: true });
    const { sid } = await placeCall("+15550009001", { statusCallbackMethod: "GET" });
    await fake.waitFor(() => app.to("/status").length === 5);
    expect(app.to("/status").map((h) => [h.method, h.query.get("CallStatus"), h.query.get("SequenceNumber")])).toEqual([
      ["GET", "initiated", "0"],
      ["GET", "in-progress", "2"],
      ["GET", "ringing", "1"],
      ["GET", "completed", "3"],
      ["GET", "completed", "3"],
    ]);
    expect(fake.calls[0].sid).toBe(sid);
  });

  it("an inbound call follows the app's TwiML; a leading <Reject> leaves it unanswered", async () => {
    routes["/voice"] = () => xml(`<Gather input="speech" action="/in"><Say>Welcome to Callboard.</Say></Gather>`);
    routes["/in"] = (p) => xml(`<Say>Booked: ${p.SpeechResult}.</Say><Hangup/>`);
    const call = await fake.inboundCall({ from: "+15550010001", to: FROM, url: `${app.url}/voice`, say: ["a table for two"] });
    expect(call).toMatchObject({
      direction: "inbound",
      said: ["Welcome to Callboard.", "Booked: a table for two."],
      status: "completed",
    });
    expect(app.to("/voice")[0].params).toMatchObject({
      CallStatus: "ringing",
      Direction: "inbound",
      From: "+15550010001",
      To: FROM,
    });
    expect(app.to("/in")[0].params.CallStatus).toBe("in-progress");

    routes["/voice"] = () => xml(`<Reject reason="busy"/>`);
    const rejected = await fake.inboundCall({ from: "+15550010002", to: FROM, url: `${app.url}/voice` });
    expect(rejected).toMatchObject({ status: "busy", duration: 0 });
  });
});

describe("fake Twilio: messaging", () => {
  const send = (to: string, extra: Record<string, unknown> = {}) =>
    client.messages.create({
      to,
      from: FROM,
      body: "Your table is booked.",
      statusCallback: `${app.url}/ms?to=${encodeURIComponent(to)}`,
      ...extra,
    });
  const statusesFor = (to: string) => app.to("/ms").filter((h) => h.query.get("to") === to);

  it("SMS, WhatsApp, Messaging Service, undelivered and the WhatsApp template window", async () => {
    fake.scenario("+15550011003", { kind: "undelivered" });
    fake.scenario("whatsapp:+15550011004", { kind: "template-required" });
    await send("+15550011001", { mediaUrl: ["https://example.com/a.png"] });
    await send("whatsapp:+15550011002", { from: `whatsapp:${FROM}` });
    await send("+15550011003");
    await send("whatsapp:+15550011004", { from: `whatsapp:${FROM}` });
    await send("whatsapp:+15550011004", {
      from: `whatsapp:${FROM}`,
      body: undefined,
      contentSid: `HX${"3".repeat(32)}`,
      contentVariables: '{"1":"Ada"}',
    });
    const viaService = await client.messages.create({
      to: "+15550011005",
      messagingServiceSid: `MG${"4".repeat(32)}`,
      body: "hi",
      statusCallback: `${app.url}/ms?to=svc`,
    });
    expect(viaService).toMatchObject({ status: "accepted", from: null, numSegments: "0" });
    await fake.waitFor(() => app.to("/ms").length === 14);

    const seq = (to: string) => statusesFor(to).map((h) => [h.params.MessageStatus, h.params.ErrorCode]);
    expect(seq("+15550011001")).toEqual([
      ["sent", undefined],
      ["delivered", undefined],
    ]);
    expect(statusesFor("+15550011001")[1].params.RawDlrDoneDate).toMatch(/^\d{10}$/);
    expect(fake.messages[0].sid).toMatch(/^MM/);
    expect(seq("whatsapp:+15550011002")).toEqual([
      ["sent", undefined],
      ["delivered", undefined],
      ["read", undefined],
    ]);
    expect(seq("+15550011003")).toEqual([
      ["sent", undefined],
      ["undelivered", "30003"],
    ]);
    // Two messages to the same number: their callbacks interleave, so look at each message's own.
    const bySid = (n: number) => statusesFor("whatsapp:+15550011004").filter((h) => h.params.MessageSid === fake.messages[n].sid);
    expect(bySid(3).map((h) => [h.params.MessageStatus, h.params.ErrorCode])).toEqual([["failed", "63016"]]);
    expect(bySid(4).map((h) => h.params.MessageStatus)).toEqual(["sent", "delivered", "read"]);
    expect(seq("svc")).toEqual([
      ["queued", undefined],
      ["sent", undefined],
      ["delivered", undefined],
    ]);
    expect(statusesFor("svc")[0].params.MessagingServiceSid).toBe(`MG${"4".repeat(32)}`);
    expect(fake.messages[4]).toMatchObject({
      contentSid: `HX${"3".repeat(32)}`,
      contentVariables: '{"1":"Ada"}',
      statuses: ["sent", "delivered", "read"],
    });
    expect(fake.messages[3]).toMatchObject({ status: "failed", errorCode: 63016 });
    expect((await client.messages(fake.messages[3].sid).fetch()).errorCode).toBe(63016);
  });

  it("out-of-order and duplicate message callbacks", async () => {
    fake.scenario("+15550012001", { kind: "answer", outOfOrder: true });
    fake.scenario("+15550012002", { kind: "answer", duplicate: true });
    await send("+15550012001");
    await send("+15550012002");
    await fake.waitFor(() => app.to("/ms").length === 5);
    expect(statusesFor("+15550012001").map((h) => h.params.MessageStatus)).toEqual(["delivered", "sent"]);
    expect(statusesFor("+15550012002").map((h) => h.params.MessageStatus)).toEqual(["sent", "delivered", "delivered"]);
  });

  it("an inbound WhatsApp message with media: signed webhook, protected media, TwiML reply, open window", async () => {
    routes["/sms"] = (p) => xml(`<Message>Thanks, ${p.ProfileName}!</Message>`);
    const customer = "whatsapp:+15550013001";
    fake.scenario(customer, { kind: "template-required" });
    const result = await fake.inboundMessage({
      from: customer,
      to: `whatsapp:${FROM}`,
      url: `${app.url}/sms`,
      body: "Here is my receipt",
      media: [{ contentType: "image/png" }],
      profileName: "Ada",
    });
    expect(result.status).toBe(200);
    expect(result.params).toMatchObject({
      Body: "Here is my receipt",
      NumMedia: "1",
      MediaContentType0: "image/png",
      ProfileName: "Ada",
      WaId: "15550013001",
    });
    expect(result.params.MessageSid).toMatch(/^MM[0-9a-f]{32}$/);
    expect(result.replies.map((r) => [r.to, r.body])).toEqual([[customer, "Thanks, Ada!"]]);
    const mediaUrl = result.params.MediaUrl0;
    expect(mediaUrl.startsWith(`${fake.url}/2010-04-01/Accounts/${ACCOUNT}/Messages/`)).toBe(true);
    expect((await fetch(mediaUrl)).status).toBe(401);
    const image = await fetch(mediaUrl, {
      headers: { Authorization: `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString("base64")}` },
    });
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(
      Buffer.from(await image.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");

    await send(customer, { from: `whatsapp:${FROM}` }); // inside the 24-hour window: free-form is fine
    await fake.waitFor(() => statusesFor(customer).length === 3);
    expect(statusesFor(customer).map((h) => h.params.MessageStatus)).toEqual(["sent", "delivered", "read"]);
  });
});

describe("fake Twilio: building blocks", () => {
  it("signs repeated parameters as the SDK validates them", () => {
    const params = { StatusCallbackEvent: ["ringing", "answered"], To: "+15550000001" };
    const url = "https://example.com/cb?x=1";
    expect(twilioSignature(TOKEN, url, params)).toBe(getExpectedTwilioSignature(TOKEN, url, params));
    expect(twilio.validateRequest(TOKEN, twilioSignature(TOKEN, url, params), url, params)).toBe(true);
  });

  it("parses TwiML strictly", () => {
    const doc = parseXml(
      `<?xml version="1.0"?>\n<!-- hi --><Response><Say a='1'>Tom &amp; Jerry &#x263A;<![CDATA[ <raw> ]]></Say><Hangup/></Response>`,
    );
    expect(doc.name).toBe("Response");
    expect(doc.children[0]).toEqual({ name: "Say", attrs: { a: "1" }, children: ["Tom & Jerry ☺", " <raw> "] });
    for (const bad of ["<Response>", "<Response><Say></Response>", "<Response a=1/>", "<Response>&nbsp;</Response>", "<A/><B/>"])
      expect(() => parseXml(bad)).toThrow();
  });
});
