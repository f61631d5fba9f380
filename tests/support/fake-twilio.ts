// A loopback stand-in for Twilio (REST API 2010-04-01, voice with TwiML, SMS and WhatsApp), written from
// Twilio's documentation so the app's Twilio integration can be tested end to end on a machine that cannot
// reach api.twilio.com. The app points TWILIO_API_BASE_URL at `fake.url`; the fake answers the REST calls
// the official SDK makes, then behaves like the network: it rings the customer's number, fetches and obeys
// the app's TwiML, "speaks" scripted customer utterances into <Gather>, and sends signed status callbacks.
// Everything it receives and sends is recorded (calls, messages, requests) for assertions.
//
//   const fake = await startFakeTwilio({ accountSid, authToken });   // app env: TWILIO_API_BASE_URL=fake.url
//   fake.scenario("+15551230001", { kind: "answer", say: ["I'd like to book a table", "Thanks, bye"] });
//   ... the app places the call through the SDK ...
//   const call = await fake.waitFor((f) => f.calls.find((c) => c.to === "+15551230001"));
//   await fake.settled(call.sid);  // ended, every callback answered
//   expect(call.gathered).toEqual([...]); expect(call.said).toContain("...");
//
// Not modelled: DTMF digits, <Record>/<Connect>/<Stream> and the other verbs in UNSUPPORTED_VERBS (noted,
// skipped), FallbackUrl, Twilio's retries (Connection Overrides), real-time durations and ring timeouts
// (time is compressed to callbackDelayMs per step), the 307 redirect of media to storage, list endpoints.
import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** How a customer's number behaves, set with `fake.scenario(to, …)`. Unknown numbers answer (voice) or deliver. */
export type Scenario = (
  | { kind: "answer"; say?: string[]; ringMs?: number } // one utterance per <Gather>; "" is silence; then hangs up
  | { kind: "machine"; ringMs?: number } // voicemail: answers, never speaks, hangs up after three silent Gathers
  | { kind: "busy" }
  | { kind: "no-answer" }
  | { kind: "failed" }
  | { kind: "invalid" } // REST 400, 21211
  | { kind: "server-error"; times?: number } // REST 500 for the first `times` creates (default: every one)
  | { kind: "slow"; ms: number; say?: string[] } // the REST create answers after `ms`, then like "answer"
  | { kind: "undelivered"; code?: number } // messages: sent, then undelivered with ErrorCode (default 30003)
  | { kind: "template-required" } // WhatsApp free-form outside the 24-hour window: failed, ErrorCode 63016
) & { outOfOrder?: boolean; duplicate?: boolean };

export type FakeTwilioOptions = {
  accountSid: string;
  authToken: string;
  /** API key SID → secret, also accepted as Basic auth (as Twilio accepts SK…:secret). */
  apiKeys?: Record<string, string>;
  /** Time between simulated events (ringing, each verb, each callback). */
  callbackDelayMs?: number;
  /** How long a webhook may take before Twilio gives up (Twilio's default is 15 s). */
  webhookTimeoutMs?: number;
  /** How long after a call or message ends its `price` stays null, as Twilio's rating takes a while (default 300 ms). */
  priceDelayMs?: number;
};

/**
 * The fake's price list (Twilio's US list prices when this was written). Twilio reports a charge as a
 * negative string in the account's currency, on the resource, some time after the end; a call nobody
 * answered and a message that failed are never charged, and their price stays null.
 */
export const FAKE_PRICES = { callPerMinute: 0.014, smsPerSegment: 0.0079, whatsappPerMessage: 0.005 } as const;
const charge = (amount: number) => (-amount).toFixed(5);

export type Params = Record<string, string | string[]>;
export type Webhook = {
  kind: "status" | "voice" | "gather" | "redirect" | "dial" | "recording" | "amd" | "message-status" | "inbound-message";
  method: string;
  url: string;
  params: Record<string, string>;
  /** The app's response status; 0 when the request failed (refused, timed out). */
  status: number;
  body?: string;
};
export type SayRecord = { text: string; voice?: string; language?: string; rate?: string; loop?: string; inGather: boolean };
export type CallStatus = "queued" | "ringing" | "in-progress" | "completed" | "busy" | "no-answer" | "failed" | "canceled";
export type FakeCall = {
  sid: string;
  direction: "outbound-api" | "inbound";
  /** The create parameters exactly as received (repeated ones as arrays). */
  params: Params;
  to: string;
  from: string;
  status: CallStatus;
  answeredBy?: string;
  said: string[];
  says: SayRecord[];
  pauses: number[];
  played: string[];
  gathers: { attributes: Record<string, string>; speech?: string }[];
  gathered: string[];
  dialed?: string;
  redirects: string[];
  /** Valid TwiML verbs the fake does not act on (<Record>, <Connect>, …): noted and skipped. */
  unsupported: string[];
  hungUpBy?: "customer" | "twiml" | "api" | "error";
  applicationError?: { code: number; message: string; url?: string };
  duration?: number;
  recording?: { sid: string; url: string; duration: number; channels: number };
  callbacks: Webhook[];
};
export type FakeMessage = {
  sid: string;
  direction: "outbound-api" | "outbound-reply" | "inbound";
  params: Params;
  to: string;
  from: string | null;
  body?: string;
  mediaUrls: string[];
  contentSid?: string;
  contentVariables?: string;
  messagingServiceSid?: string;
  statusCallback?: string;
  status: string;
  /** Every status the message went through after creation, in the order it happened. */
  statuses: string[];
  errorCode?: number;
  callbacks: Webhook[];
};
export type RequestRecord = { method: string; path: string; authOk: boolean; status: number; params: Params };
export type InboundMessageResult = { status: number; body: string; params: Record<string, string>; replies: FakeMessage[] };

export type FakeTwilio = {
  url: string;
  calls: FakeCall[];
  messages: FakeMessage[];
  requests: RequestRecord[];
  /** Every webhook the fake sent, in the order the answers came back. */
  webhooks: Webhook[];
  scenario(to: string, s: Scenario): void;
  inboundCall(o: {
    from: string;
    to: string;
    url: string;
    method?: string;
    say?: string[];
    statusCallback?: string;
  }): Promise<FakeCall>;
  inboundMessage(o: {
    from: string;
    to: string;
    url: string;
    body?: string;
    media?: { contentType: string; url?: string; data?: Buffer }[];
    profileName?: string;
  }): Promise<InboundMessageResult>;
  /** Resolves once the call or message `sid` has reached its final status and every callback for it was answered. */
  settled(sid: string): Promise<void>;
  waitFor<T>(predicate: (fake: FakeTwilio) => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
};

const API = "2010-04-01";
const sid = (prefix: string) => prefix + randomBytes(16).toString("hex");
const rfc2822 = (d = new Date()) => d.toUTCString().replace("GMT", "+0000"); // Twilio's date format
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const E164 = /^(whatsapp:)?\+[1-9]\d{6,14}$|^(client|sip):\S+$/;
/** Valid TwiML the fake does not act on; it notes them in `call.unsupported` and goes on, as a caller would hear nothing. */
const UNSUPPORTED_VERBS = new Set([
  "Record",
  "Connect",
  "Start",
  "Stop",
  "Enqueue",
  "Leave",
  "Pay",
  "Prompt",
  "Refer",
  "Sms",
  "Message",
  "Echo",
  "Queue",
]);
const MESSAGE_ERRORS: Record<number, string> = {
  30003: "Unreachable destination handset",
  30008: "Unknown error",
  63016: "Failed to send freeform message because you are outside the allowed window. Please use a Template.",
};

/**
 * X-Twilio-Signature as documented: base64(HMAC-SHA1(authToken, url + each POST parameter's name and value,
 * sorted by name)). A repeated parameter contributes name+value once per value, values sorted.
 */
export function twilioSignature(authToken: string, url: string, params: Params): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => {
      const v = params[key];
      return acc + (Array.isArray(v) ? [...v].sort() : [v]).map((value) => key + value).join("");
    }, url);
  return createHmac("sha1", authToken).update(Buffer.from(data, "utf-8")).digest("base64");
}

// ---- A small, strict XML parser: TwiML is XML, and a document Twilio cannot parse must fail here too (12100).
export type XmlElement = { name: string; attrs: Record<string, string>; children: (XmlElement | string)[] };
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+)?;?/gi, (all, e?: string) => {
    if (!e || !all.endsWith(";")) throw new Error("a bare '&'");
    if (e[0] === "#")
      return String.fromCodePoint(e[1].toLowerCase() === "x" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    if (!(e in ENTITIES)) throw new Error(`unknown entity &${e};`);
    return ENTITIES[e];
  });

export function parseXml(src: string): XmlElement {
  let i = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${i}`);
  };
  const NAME = /[A-Za-z_][\w.:-]*/y;
  const name = () => {
    NAME.lastIndex = i;
    const m = NAME.exec(src) ?? fail("expected a name");
    i += m[0].length;
    return m[0];
  };
  const ws = () => {
    while (/\s/.test(src[i] ?? "")) i++;
  };
  const skipTo = (end: string) => {
    const at = src.indexOf(end, i);
    i = at < 0 ? fail(`missing ${end}`) : at + end.length;
  };
  const misc = () => {
    for (ws(); src.startsWith("<?", i) || src.startsWith("<!--", i); ws()) skipTo(src.startsWith("<?", i) ? "?>" : "-->");
  };
  const element = (): XmlElement => {
    if (src[i] !== "<") fail("expected '<'");
    i++;
    const el: XmlElement = { name: name(), attrs: {}, children: [] };
    for (;;) {
      ws();
      if (src.startsWith("/>", i)) {
        i += 2;
        return el;
      }
      if (src[i] === ">") break;
      const attr = name();
      ws();
      if (src[i++] !== "=") fail("expected '='");
      ws();
      const quote = src[i];
      const end = quote === '"' || quote === "'" ? src.indexOf(quote, i + 1) : fail("expected a quoted value");
      if (end < 0) fail("unclosed attribute value");
      if (attr in el.attrs) fail(`duplicate attribute ${attr}`);
      el.attrs[attr] = decode(src.slice(i + 1, end));
      i = end + 1;
    }
    for (i++; ; ) {
      if (i >= src.length) fail(`unclosed <${el.name}>`);
      if (src.startsWith("</", i)) {
        i += 2;
        const closing = name();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        ws();
        if (src[i++] !== ">") fail("expected '>'");
        return el;
      }
      if (src.startsWith("<!--", i)) skipTo("-->");
      else if (src.startsWith("<![CDATA[", i)) {
        const start = i + 9;
        skipTo("]]>");
        el.children.push(src.slice(start, i - 3));
      } else if (src[i] === "<") el.children.push(element());
      else {
        const end = src.indexOf("<", i);
        el.children.push(decode(src.slice(i, end < 0 ? src.length : end)));
        i = end < 0 ? src.length : end;
      }
    }
  };
  misc();
  const root = element();
  misc();
  if (i !== src.length) fail("content after the root element");
  return root;
}
const elements = (el: XmlElement) => el.children.filter((c): c is XmlElement => typeof c !== "string");
/** Plain text of an element, SSML included (<prosody>, <emphasis>…); <break>, <p> and <s> separate words. */
const textOf = (el: XmlElement): string =>
  el.children
    .map((c) => (typeof c === "string" ? c : ["break", "p", "s"].includes(c.name) ? ` ${textOf(c)} ` : textOf(c)))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
const find = (el: XmlElement, name: string): XmlElement | undefined =>
  elements(el).reduce<XmlElement | undefined>((hit, c) => hit ?? (c.name === name ? c : find(c, name)), undefined);

// ---- Audio for recordings: a real WAV (8 kHz 16-bit tone), and an MP3 made of valid but silent MPEG-1
// Layer III frames (32 kHz mono, 32 kbit/s, 144 bytes each): this file cannot encode a tone as MP3, but
// every frame header is real, so players and duration probes accept it.
export function toneWav(seconds: number, channels = 1): Buffer {
  const rate = 8000;
  const n = Math.round(rate * seconds);
  const bytes = n * 2 * channels;
  const b = Buffer.alloc(44 + bytes);
  b.write("RIFF", 0);
  b.writeUInt32LE(36 + bytes, 4);
  b.write("WAVEfmt ", 8);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20); // PCM
  b.writeUInt16LE(channels, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2 * channels, 28);
  b.writeUInt16LE(2 * channels, 32);
  b.writeUInt16LE(16, 34);
  b.write("data", 36);
  b.writeUInt32LE(bytes, 40);
  for (let s = 0; s < n; s++)
    for (let ch = 0; ch < channels; ch++)
      b.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * (ch ? 330 : 440) * s) / rate)), 44 + (s * channels + ch) * 2);
  return b;
}
export function silentMp3(seconds: number): Buffer {
  const frames = Math.max(1, Math.ceil((seconds * 32000) / 1152));
  const b = Buffer.alloc(frames * 144);
  for (let f = 0; f < frames; f++) b.set([0xff, 0xfb, 0x18, 0xc4], f * 144);
  return b;
}
const PNG_1x1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
  "base64",
);

// ---- Internal state
type Next =
  | { kind: Webhook["kind"]; url: string; method: string; params?: Record<string, string> }
  | { twiml: string; url: string };
type Ordered = { scenario: Scenario; chain: Promise<unknown>; held?: () => Promise<unknown> };
type CallState = Ordered & {
  call: FakeCall;
  events: Set<string>;
  seq: number;
  first: Next;
  pending?: Next;
  ended: boolean;
  utterances: string[];
  virtual: number; // simulated seconds of conversation, for durations
  docs: number;
  created: Date;
  updated: Date;
  answeredAt?: Date;
  endedAt?: Date;
  done: Promise<void>;
  resolveDone: () => void;
};
type MessageState = Ordered & { msg: FakeMessage; created: Date; updated: Date; done?: Promise<unknown> };

export async function startFakeTwilio(options: FakeTwilioOptions): Promise<FakeTwilio> {
  const { accountSid, authToken } = options;
  const delay = options.callbackDelayMs ?? 20;
  const webhookTimeoutMs = options.webhookTimeoutMs ?? 15_000;
  const priceDelayMs = options.priceDelayMs ?? 300;
  const rated = (at: Date | undefined) => at !== undefined && Date.now() - at.getTime() >= priceDelayMs;
  const scenarios = new Map<string, Scenario>();
  const errorsServed = new Map<string, number>();
  const callStates = new Map<string, CallState>();
  const messageStates = new Map<string, MessageState>();
  const recordings = new Map<string, { callSid: string; duration: number; channels: number; created: Date }>();
  const media = new Map<string, { contentType: string; data: Buffer }>();
  const openWindows = new Set<string>(); // WhatsApp users who wrote in: free-form replies are allowed
  let closed = false;
  let base = "";

  const scenarioFor = (to: string): Scenario =>
    scenarios.get(to) ?? scenarios.get(to.replace(/^whatsapp:/, "")) ?? { kind: "answer" };
  const accountPath = `/${API}/Accounts/${accountSid}`;

  /** Sends one signed webhook the way Twilio does (form POST, or GET with the parameters in the query). */
  async function send(kind: Webhook["kind"], url: string, method: string, params: Record<string, string>, log: Webhook[]) {
    const get = method.toUpperCase() === "GET";
    const target = get ? `${url}${url.includes("?") ? "&" : "?"}${new URLSearchParams(params)}` : url;
    const hook: Webhook = { kind, method: get ? "GET" : "POST", url, params, status: 0 };
    let body = "";
    let contentType = "";
    if (!closed)
      try {
        const res = await fetch(target, {
          method: hook.method,
          headers: {
            "X-Twilio-Signature": twilioSignature(authToken, target, get ? {} : params),
            "User-Agent": "TwilioProxy/1.1",
            ...(get ? {} : { "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8" }),
          },
          body: get ? undefined : new URLSearchParams(params).toString(),
          signal: AbortSignal.timeout(webhookTimeoutMs),
        });
        body = await res.text();
        contentType = res.headers.get("content-type") ?? "";
        hook.status = res.status;
        if (kind !== "status" && kind !== "message-status" && kind !== "recording") hook.body = body.slice(0, 20_000);
      } catch {
        hook.status = 0; // refused or timed out: Twilio logs 11200 and moves on
      }
    log.push(hook);
    fake.webhooks.push(hook);
    return { status: hook.status, body, contentType };
  }

  /** Status callbacks go out one after another; `outOfOrder` holds one back past the next, `duplicate` repeats the last. */
  function enqueue(o: Ordered, deliver: () => Promise<unknown>, holdable: boolean, last: boolean) {
    if (o.scenario.outOfOrder && holdable && !o.held) {
      o.held = deliver;
      return;
    }
    o.chain = o.chain.then(deliver);
    if (o.held && !holdable) flushHeld(o);
    if (o.scenario.duplicate && last) o.chain = o.chain.then(deliver);
  }
  function flushHeld(o: Ordered) {
    const held = o.held;
    o.held = undefined;
    if (held) o.chain = o.chain.then(held);
  }

  // ---- Voice
  function callParams(s: CallState, status: string = s.call.status): Record<string, string> {
    const c = s.call;
    const amdSync = c.answeredBy && one(c.params.AsyncAmd) !== "true";
    return {
      AccountSid: accountSid,
      ApiVersion: API,
      CallSid: c.sid,
      CallStatus: status,
      Called: c.to,
      Caller: c.from,
      Direction: c.direction,
      From: c.from,
      To: c.to,
      ...(amdSync ? { AnsweredBy: c.answeredBy! } : {}),
    };
  }

  function callEvent(s: CallState, event: string, status: string, extra: Record<string, string> = {}) {
    const url = one(s.call.params.StatusCallback);
    if (!url || !s.events.has(event)) return;
    const params = {
      ...callParams(s, status),
      CallbackSource: "call-progress-events",
      SequenceNumber: String(s.seq++),
      Timestamp: rfc2822(),
      ...extra,
    };
    const method = one(s.call.params.StatusCallbackMethod) ?? "POST";
    enqueue(s, () => send("status", url, method, params, s.call.callbacks), event === "ringing", event === "completed");
  }

  const SIP: Record<string, string> = { completed: "200", busy: "486", "no-answer": "487", canceled: "487", failed: "404" };

  /** Ends the call once: final status callback, then the recording (Twilio sends it after the call ends). */
  function finish(s: CallState, status: Exclude<CallStatus, "queued" | "ringing" | "in-progress">, by?: FakeCall["hungUpBy"]) {
    if (s.ended) return;
    s.ended = true;
    const c = s.call;
    c.status = status;
    c.hungUpBy ??= by;
    s.endedAt = s.updated = new Date();
    c.duration = s.answeredAt ? Math.max(1, Math.ceil(s.virtual)) : 0;
    callEvent(s, "completed", status, { CallDuration: String(c.duration), SipResponseCode: SIP[status] });
    flushHeld(s);
    const recordingUrl = one(c.params.RecordingStatusCallback);
    if (s.answeredAt && one(c.params.Record) === "true") {
      const rsid = sid("RE");
      const channels = one(c.params.RecordingChannels) === "dual" ? 2 : 1;
      recordings.set(rsid, { callSid: c.sid, duration: c.duration, channels, created: s.answeredAt });
      c.recording = { sid: rsid, url: `${base}${accountPath}/Recordings/${rsid}`, duration: c.duration, channels };
      const events = [c.params.RecordingStatusCallbackEvent ?? "completed"].flat().join(" ").split(/\s+/);
      if (recordingUrl && events.includes("completed")) {
        const params = {
          AccountSid: accountSid,
          CallSid: c.sid,
          RecordingSid: rsid,
          RecordingUrl: c.recording.url,
          RecordingStatus: "completed",
          RecordingDuration: String(c.duration),
          RecordingChannels: String(channels),
          RecordingStartTime: rfc2822(s.answeredAt),
          RecordingSource: "OutboundAPI",
          RecordingTrack: "both",
          ErrorCode: "0",
        };
        const method = one(c.params.RecordingStatusCallbackMethod) ?? "POST";
        s.chain = s.chain.then(() => sleep(delay)).then(() => send("recording", recordingUrl, method, params, c.callbacks));
      }
    }
    s.chain = s.chain.then(() => s.resolveDone());
  }

  function applicationError(s: CallState, code: number, message: string, url?: string) {
    // Twilio says "We are sorry, an application error has occurred. Goodbye." and hangs up.
    s.call.applicationError = { code, message, url };
    finish(s, "completed", "error");
  }

  /** The customer's next line for a <Gather>: text, "" for silence, undefined when they hang up instead. */
  function listen(s: CallState, speech: boolean): string | undefined {
    if (!speech) return s.utterances.length ? "" : undefined;
    return s.utterances.shift();
  }

  const resolveUrl = (href: string, docUrl: string) => new URL(href.trim(), docUrl || undefined).toString();

  /** Obeys one TwiML document; returns the next document to fetch, or undefined once the call has ended. */
  async function execute(s: CallState, doc: XmlElement, docUrl: string): Promise<Next | undefined> {
    const c = s.call;
    const interrupted = () => s.ended || s.pending !== undefined;
    const say = (el: XmlElement, inGather: boolean) => {
      const text = textOf(el);
      const rate = find(el, "prosody")?.attrs.rate;
      const { voice, language, loop } = el.attrs;
      c.says.push({ text, voice, language, loop, rate, inGather });
      c.said.push(text);
      s.virtual += Math.max(1, words(text) / 2.5) * Math.max(1, Number(loop ?? 1));
    };
    const prompt = async (el: XmlElement, inGather: boolean) => {
      if (el.name === "Say") say(el, inGather);
      else if (el.name === "Play") c.played.push(textOf(el));
      else if (el.name === "Pause") {
        const length = Number(el.attrs.length ?? 1);
        c.pauses.push(length);
        s.virtual += length;
      }
      await sleep(Math.min(delay, 50)); // a Pause is recorded, not waited out
    };
    for (const [index, verb] of elements(doc).entries()) {
      if (interrupted()) return undefined;
      switch (verb.name) {
        case "Say":
        case "Play":
        case "Pause":
          await prompt(verb, false);
          break;
        case "Gather": {
          for (const child of elements(verb)) if (!interrupted()) await prompt(child, true);
          if (interrupted()) return undefined;
          const record: FakeCall["gathers"][number] = { attributes: { ...verb.attrs } };
          c.gathers.push(record);
          const heard = listen(s, (verb.attrs.input ?? "dtmf").split(/\s+/).includes("speech"));
          if (heard === undefined) {
            finish(s, "completed", "customer");
            return undefined;
          }
          // The action defaults to the current document's URL, requested with POST.
          const action = () => ({ url: resolveUrl(verb.attrs.action ?? docUrl, docUrl), method: verb.attrs.method ?? "POST" });
          if (heard) {
            record.speech = heard;
            c.gathered.push(heard);
            s.virtual += 1 + words(heard) / 2.5;
            return { kind: "gather", ...action(), params: { SpeechResult: heard, Confidence: "0.92" } };
          }
          s.virtual += Number(verb.attrs.timeout ?? 5);
          // Documented: with no input Twilio goes on to the next verb, unless actionOnEmptyResult="true".
          if (verb.attrs.actionOnEmptyResult === "true") return { kind: "gather", ...action() };
          break;
        }
        case "Redirect": {
          const url = resolveUrl(textOf(verb), docUrl);
          c.redirects.push(url);
          return { kind: "redirect", url, method: verb.attrs.method ?? "POST" };
        }
        case "Dial": {
          const number = (elements(verb)[0] ? textOf(elements(verb)[0]) : textOf(verb)).trim();
          c.dialed = number;
          const leg = scenarioFor(number).kind;
          const dialStatus = ["busy", "no-answer", "failed"].includes(leg) ? leg : "completed";
          const talked = dialStatus === "completed" ? 10 : 0;
          s.virtual += talked;
          await sleep(delay);
          if (interrupted()) return undefined;
          if (verb.attrs.action) {
            const params = { DialCallStatus: dialStatus, DialCallSid: sid("CA"), DialCallDuration: String(talked) };
            return { kind: "dial", url: resolveUrl(verb.attrs.action, docUrl), method: verb.attrs.method ?? "POST", params };
          }
          break; // without an action Twilio continues with the next verb
        }
        case "Hangup":
          finish(s, "completed", "twiml");
          return undefined;
        case "Reject": // first verb of an unanswered inbound call: never answered, ends busy or no-answer
          finish(
            s,
            c.direction === "inbound" && index === 0 && !s.answeredAt
              ? verb.attrs.reason === "busy"
                ? "busy"
                : "no-answer"
              : "completed",
            "twiml",
          );
          return undefined;
        default:
          if (UNSUPPORTED_VERBS.has(verb.name)) {
            c.unsupported.push(verb.name);
            break;
          }
          applicationError(s, 12200, `Schema validation warning: <${verb.name}> is not a TwiML verb`, docUrl);
          return undefined;
      }
    }
    if (!interrupted()) finish(s, "completed", "twiml"); // no verbs left: Twilio hangs up
    return undefined;
  }

  /** Fetches and obeys TwiML until the call ends; a REST redirect (s.pending) replaces whatever runs. */
  async function runTwiml(s: CallState, first: Next) {
    let next: Next | undefined = first;
    while (next && !s.ended) {
      if (++s.docs > 50) return finish(s, "completed", "customer"); // a TwiML loop: the customer gives up
      let xml: string;
      if ("twiml" in next) xml = next.twiml;
      else {
        const res = await send(next.kind, next.url, next.method, { ...callParams(s), ...next.params }, s.call.callbacks);
        if (s.ended) return;
        if (s.pending) {
          [next, s.pending] = [s.pending, undefined];
          continue;
        }
        if (res.status < 200 || res.status > 299)
          return applicationError(s, 11200, `HTTP retrieval failure (status ${res.status || "none"})`, next.url);
        if (!/^(text|application)\/xml|^text\/html/i.test(res.contentType))
          return applicationError(s, 12300, `Invalid Content-Type: ${res.contentType || "none"}`, next.url);
        xml = res.body;
      }
      let doc: XmlElement;
      try {
        doc = parseXml(xml);
      } catch (e) {
        return applicationError(s, 12100, `Document parse failure: ${(e as Error).message}`, next.url);
      }
      if (doc.name !== "Response") return applicationError(s, 12200, `Schema validation warning: root <${doc.name}>`, next.url);
      if (!s.answeredAt && elements(doc)[0]?.name !== "Reject") {
        s.answeredAt = new Date(); // an inbound call is answered by any TwiML but a leading <Reject>
        s.call.status = "in-progress";
      }
      const docUrl = next.url;
      try {
        next = await execute(s, doc, docUrl);
      } catch (e) {
        return applicationError(s, 11100, `Invalid URL format: ${(e as Error).message}`, docUrl); // e.g. relative, in inline Twiml
      }
      if (s.pending && !s.ended) [next, s.pending] = [s.pending, undefined];
    }
  }

  function newCall(direction: FakeCall["direction"], params: Params, scenario: Scenario): CallState {
    const to = one(params.To) ?? "";
    const from = one(params.From) ?? "";
    const call: FakeCall = {
      sid: sid("CA"),
      direction,
      params,
      to,
      from,
      status: "queued",
      said: [],
      says: [],
      pauses: [],
      played: [],
      gathers: [],
      gathered: [],
      redirects: [],
      unsupported: [],
      callbacks: [],
    };
    let resolveDone = () => {};
    const done = new Promise<void>((resolve) => {
      resolveDone = resolve;
    });
    const events = new Set([params.StatusCallbackEvent ?? "completed"].flat().join(" ").split(/\s+/));
    const utterances = scenario.kind === "machine" ? ["", "", ""] : "say" in scenario ? [...(scenario.say ?? [])] : [];
    const twiml = one(params.Twiml);
    const first: Next = twiml
      ? { twiml, url: "" }
      : { kind: "voice", url: one(params.Url) ?? "", method: one(params.Method) ?? "POST" };
    const created = new Date();
    const s: CallState = {
      call,
      scenario,
      events,
      seq: 0,
      first,
      ended: false,
      utterances,
      virtual: 0,
      docs: 0,
      chain: Promise.resolve(),
      created,
      updated: created,
      done,
      resolveDone,
    };
    callStates.set(call.sid, s);
    fake.calls.push(call);
    return s;
  }

  async function runOutbound(s: CallState) {
    const { call, scenario } = s;
    await sleep(delay);
    if (s.ended) return;
    callEvent(s, "initiated", "initiated");
    await sleep(delay);
    if (s.ended) return;
    if (scenario.kind === "busy" || scenario.kind === "failed") return finish(s, scenario.kind);
    call.status = "ringing";
    callEvent(s, "ringing", "ringing");
    await sleep("ringMs" in scenario && scenario.ringMs !== undefined ? scenario.ringMs : delay);
    if (s.ended) return;
    if (scenario.kind === "no-answer") return finish(s, "no-answer");
    s.answeredAt = s.updated = new Date();
    call.status = "in-progress";
    const amd = one(call.params.MachineDetection);
    if (amd) {
      const machine = scenario.kind === "machine";
      call.answeredBy = machine ? (amd === "DetectMessageEnd" ? "machine_end_beep" : "machine_start") : "human";
      const amdUrl = one(call.params.AsyncAmdStatusCallback);
      if (one(call.params.AsyncAmd) === "true" && amdUrl) {
        const params = {
          AccountSid: accountSid,
          CallSid: call.sid,
          AnsweredBy: call.answeredBy,
          MachineDetectionDuration: "2140",
        };
        const method = one(call.params.AsyncAmdStatusCallbackMethod) ?? "POST";
        void sleep(delay * 2).then(async () => {
          if (!s.ended) await send("amd", amdUrl, method, params, call.callbacks);
        });
      }
    }
    callEvent(s, "answered", "in-progress");
    await runTwiml(s, s.first);
  }

  // ---- Messaging
  function messageEvent(st: MessageState, status: string, last: boolean, errorCode?: number) {
    const m = st.msg;
    if (!m.statusCallback) return;
    const params: Record<string, string> = {
      AccountSid: accountSid,
      ApiVersion: API,
      From: m.from ?? "",
      MessageSid: m.sid,
      MessageStatus: status,
      ...(m.messagingServiceSid ? { MessagingServiceSid: m.messagingServiceSid } : {}),
      SmsSid: m.sid,
      SmsStatus: status,
      To: m.to,
      ...(errorCode ? { ErrorCode: String(errorCode) } : {}),
      ...(status === "delivered" && !m.to.startsWith("whatsapp:")
        ? { RawDlrDoneDate: new Date().toISOString().replace(/\D/g, "").slice(2, 12) } // YYMMDDhhmm
        : {}),
    };
    const url = m.statusCallback;
    enqueue(st, () => send("message-status", url, "POST", params, m.callbacks), status === "sent", last);
  }

  async function runMessage(st: MessageState) {
    const m = st.msg;
    const sc = st.scenario;
    const whatsapp = m.to.startsWith("whatsapp:");
    // Documented: no callback for the initial status; a Messaging Service's "accepted" message is then "queued".
    const steps: [string, number?][] = m.messagingServiceSid ? [["queued"]] : [];
    if (sc.kind === "template-required" && whatsapp && !m.contentSid && !openWindows.has(m.to)) steps.push(["failed", 63016]);
    else if (sc.kind === "failed") steps.push(["failed", 30008]);
    else if (sc.kind === "undelivered") steps.push(["sent"], ["undelivered", sc.code ?? 30003]);
    else steps.push(["sent"], ["delivered"], ...(whatsapp ? [["read"] as [string]] : []));
    for (const [index, [status, code]] of steps.entries()) {
      await sleep(delay);
      if (closed) return;
      m.status = status;
      m.statuses.push(status);
      if (code) m.errorCode = code;
      st.updated = new Date();
      messageEvent(st, status, index === steps.length - 1, code);
    }
    flushHeld(st);
    await st.chain;
  }

  // ---- REST resources, shaped like Twilio's JSON
  const callJson = (s: CallState) => {
    const c = s.call;
    const uri = `${accountPath}/Calls/${c.sid}`;
    return {
      account_sid: accountSid,
      annotation: null,
      answered_by: c.answeredBy ?? null,
      api_version: API,
      caller_name: null,
      date_created: rfc2822(s.created),
      date_updated: rfc2822(s.updated),
      direction: c.direction,
      duration: c.duration === undefined ? null : String(c.duration),
      end_time: s.endedAt ? rfc2822(s.endedAt) : null,
      forwarded_from: null,
      from: c.from,
      from_formatted: c.from,
      group_sid: null,
      parent_call_sid: null,
      phone_number_sid: null,
      price:
        c.status === "completed" && s.answeredAt && rated(s.endedAt)
          ? charge(FAKE_PRICES.callPerMinute * Math.max(1, Math.ceil((c.duration ?? 0) / 60)))
          : null,
      price_unit: "USD",
      queue_time: "0",
      sid: c.sid,
      start_time: s.answeredAt ? rfc2822(s.answeredAt) : null,
      status: c.status,
      subresource_uris: {
        events: `${uri}/Events.json`,
        recordings: `${uri}/Recordings.json`,
        notifications: `${uri}/Notifications.json`,
      },
      to: c.to,
      to_formatted: c.to,
      trunk_sid: null,
      uri: `${uri}.json`,
    };
  };
  const messagePrice = (st: MessageState, segments: number) => {
    const m = st.msg;
    if (!["sent", "delivered", "undelivered", "read", "received"].includes(m.status) || !rated(st.updated)) return null;
    return charge(
      m.to.startsWith("whatsapp:") || m.from?.startsWith("whatsapp:")
        ? FAKE_PRICES.whatsappPerMessage
        : FAKE_PRICES.smsPerSegment * segments,
    );
  };
  const messageJson = (st: MessageState) => {
    const m = st.msg;
    const uri = `${accountPath}/Messages/${m.sid}`;
    const segments = Math.max(1, Math.ceil((m.body ?? "").length / 160));
    return {
      account_sid: accountSid,
      api_version: API,
      body: m.body ?? "",
      date_created: rfc2822(st.created),
      date_sent: null,
      date_updated: rfc2822(st.updated),
      direction: m.direction,
      error_code: m.errorCode ?? null,
      error_message: m.errorCode ? (MESSAGE_ERRORS[m.errorCode] ?? null) : null,
      from: m.from,
      messaging_service_sid: m.messagingServiceSid ?? null,
      num_media: String(m.mediaUrls.length),
      num_segments: m.messagingServiceSid ? "0" : String(segments),
      price: messagePrice(st, segments),
      price_unit: "USD",
      sid: m.sid,
      status: m.status,
      subresource_uris: { media: `${uri}/Media.json` },
      to: m.to,
      uri: `${uri}.json`,
    };
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", base);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form: Params = {};
    for (const [k, v] of new URLSearchParams(Buffer.concat(chunks).toString("utf-8")))
      form[k] = k in form ? [form[k]].flat().concat(v) : v;
    const entry: RequestRecord = {
      method: req.method ?? "GET",
      path: url.pathname + url.search,
      authOk: false,
      status: 0,
      params: form,
    };
    fake.requests.push(entry);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, code: number, message: string, headers?: Record<string, string>) =>
      json(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, headers);
    const notFound = () => error(404, 20404, `The requested resource ${url.pathname} was not found`);

    const [user, ...rest] = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /i, ""), "base64")
      .toString()
      .split(":");
    const password = rest.join(":");
    entry.authOk = (user === accountSid && password === authToken) || (!!user && options.apiKeys?.[user] === password);
    if (!entry.authOk) return error(401, 20003, "Authenticate", { "WWW-Authenticate": 'Basic realm="Twilio API"' });
    if (!url.pathname.startsWith(`${accountPath}.json`) && !url.pathname.startsWith(`${accountPath}/`)) return notFound();
    const path = url.pathname.slice(accountPath.length);
    const method = entry.method;

    if (path === ".json" && method === "GET")
      return json(200, {
        auth_token: authToken,
        date_created: "Thu, 01 Jan 2026 00:00:00 +0000",
        date_updated: "Thu, 01 Jan 2026 00:00:00 +0000",
        friendly_name: "Callboard fake account",
        owner_account_sid: accountSid,
        sid: accountSid,
        status: "active",
        subresource_uris: { calls: `${accountPath}/Calls.json`, messages: `${accountPath}/Messages.json` },
        type: "Full",
        uri: `${accountPath}.json`,
      });

    if ((path === "/Calls.json" || path === "/Messages.json") && method === "POST") {
      const to = one(form.To) ?? "";
      const sc = scenarioFor(to);
      if (sc.kind === "slow") await sleep(sc.ms);
      if (sc.kind === "server-error") {
        const served = errorsServed.get(to) ?? 0;
        if (served < (sc.times ?? Number.POSITIVE_INFINITY)) {
          errorsServed.set(to, served + 1);
          return error(500, 20500, "An internal server error has occurred");
        }
      }
      if (path === "/Calls.json") {
        if (!to) return error(400, 21201, "No 'To' number is specified");
        if (!form.From) return error(400, 21213, "No 'From' number is specified");
        if (!form.Url && !form.Twiml && !form.ApplicationSid) return error(400, 21205, "Url parameter is required.");
        if (sc.kind === "invalid" || !E164.test(to))
          return error(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
        const s = newCall("outbound-api", form, sc);
        void runOutbound(s);
        return json(201, callJson(s));
      }
      if (!to) return error(400, 21604, "A 'To' phone number is required.");
      if (!form.From && !form.MessagingServiceSid)
        return error(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message.");
      if (!form.Body && !form.MediaUrl && !form.ContentSid) return error(400, 21602, "Message body is required.");
      if (sc.kind === "invalid" || !E164.test(to)) return error(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
      const mediaUrls = [form.MediaUrl ?? []].flat();
      const msg: FakeMessage = {
        sid: sid(mediaUrls.length ? "MM" : "SM"),
        direction: "outbound-api",
        params: form,
        to,
        from: one(form.From) ?? null, // a Messaging Service picks the sender later
        body: one(form.Body),
        mediaUrls,
        contentSid: one(form.ContentSid),
        contentVariables: one(form.ContentVariables),
        messagingServiceSid: one(form.MessagingServiceSid),
        statusCallback: one(form.StatusCallback),
        status: form.MessagingServiceSid ? "accepted" : "queued",
        statuses: [],
        callbacks: [],
      };
      const created = new Date();
      const st: MessageState = { msg, scenario: sc, chain: Promise.resolve(), created, updated: created };
      messageStates.set(msg.sid, st);
      fake.messages.push(msg);
      if (!msg.from) msg.from = to.startsWith("whatsapp:") ? "whatsapp:+15005550006" : "+15005550006";
      const answer = messageJson(st);
      if (msg.messagingServiceSid && !form.From) answer.from = null;
      st.done = runMessage(st);
      return json(201, answer);
    }

    const callRoute = /^\/Calls\/(CA\w+)\.json$/.exec(path);
    if (callRoute) {
      const s = callStates.get(callRoute[1]);
      if (!s) return notFound();
      if (method === "GET") return json(200, callJson(s));
      if (method !== "POST") return error(405, 20004, "Method not allowed");
      const status = one(form.Status);
      if (status === "completed" || status === "canceled") {
        // Documented: "canceled" only stops a queued or ringing call, "completed" ends it in any state; a call
        // hung up before it was answered ends "canceled".
        if (!s.answeredAt) finish(s, "canceled", "api");
        else if (status === "completed") finish(s, "completed", "api");
        return json(200, callJson(s));
      }
      const twiml = one(form.Twiml);
      const next: Next | undefined = twiml
        ? { twiml, url: "" }
        : form.Url
          ? { kind: "redirect", url: one(form.Url)!, method: one(form.Method) ?? "POST" }
          : undefined;
      if (next) {
        if (s.ended) return error(400, 21220, "Call is not in-progress. Cannot redirect.");
        if (s.answeredAt) s.pending = next;
        else s.first = next;
        s.updated = new Date();
      }
      return json(200, callJson(s));
    }

    const messageRoute = /^\/Messages\/(\w+)\.json$/.exec(path);
    if (messageRoute && method === "GET") {
      const st = messageStates.get(messageRoute[1]);
      return st ? json(200, messageJson(st)) : notFound();
    }

    const bytes = (data: Buffer, contentType: string) => serveBytes(req, res, entry, data, contentType);
    if (/^\/Messages\/\w+\/Media\/ME\w+$/.test(path) && method === "GET") {
      const item = media.get(url.pathname);
      return item ? bytes(item.data, item.contentType) : notFound();
    }

    const m = /^\/Recordings\/(RE\w+?)(\.mp3|\.wav|\.json)?$/.exec(path);
    if (m && method === "GET") {
      const r = recordings.get(m[1]);
      if (!r) return notFound();
      if (m[2] === ".json")
        return json(200, {
          account_sid: accountSid,
          api_version: API,
          call_sid: r.callSid,
          channels: r.channels,
          date_created: rfc2822(r.created),
          duration: String(r.duration),
          sid: m[1],
          source: "OutboundAPI",
          status: "completed",
          uri: `${accountPath}/Recordings/${m[1]}.json`,
        });
      // Twilio serves WAV without an extension or with .wav, MP3 with .mp3.
      return m[2] === ".mp3" ? bytes(silentMp3(r.duration), "audio/mpeg") : bytes(toneWav(r.duration, r.channels), "audio/x-wav");
    }
    return notFound();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeTwilio = {
    url: base,
    calls: [],
    messages: [],
    requests: [],
    webhooks: [],
    scenario(to, s) {
      scenarios.set(to, s);
      errorsServed.delete(to);
    },
    async inboundCall({ from, to, url, method = "POST", say = [], statusCallback }) {
      const params: Params = {
        From: from,
        To: to,
        Url: url,
        Method: method,
        ...(statusCallback ? { StatusCallback: statusCallback } : {}),
      };
      const s = newCall("inbound", params, { kind: "answer", say });
      s.call.status = "ringing"; // Twilio asks the app what to do while the caller hears ringing
      await runTwiml(s, s.first);
      if (!s.ended) finish(s, "completed", "twiml");
      await s.done;
      return s.call;
    },
    async inboundMessage({ from, to, url, body = "", media: items = [], profileName }) {
      const messageSid = sid(items.length ? "MM" : "SM");
      const whatsapp = from.startsWith("whatsapp:");
      const params: Record<string, string> = {
        AccountSid: accountSid,
        ApiVersion: API,
        Body: body,
        From: from,
        MessageSid: messageSid,
        NumMedia: String(items.length),
        NumSegments: "1",
        SmsMessageSid: messageSid,
        SmsSid: messageSid,
        SmsStatus: "received",
        To: to,
      };
      for (const [n, item] of items.entries()) {
        const path = `${accountPath}/Messages/${messageSid}/Media/${sid("ME")}`;
        const data =
          item.data ??
          (item.contentType.startsWith("image/")
            ? PNG_1x1
            : item.contentType.startsWith("audio/")
              ? toneWav(1)
              : Buffer.from("media"));
        if (!item.url) media.set(path, { contentType: item.contentType, data });
        params[`MediaContentType${n}`] = item.contentType;
        params[`MediaUrl${n}`] = item.url ?? base + path;
      }
      if (whatsapp) {
        Object.assign(params, { ProfileName: profileName ?? "Customer", WaId: from.replace(/^whatsapp:\+?/, "") });
        params.MessageType = items.length ? (items[0].contentType.split("/")[0] ?? "document") : "text";
        openWindows.add(from); // the customer wrote: the 24-hour customer service window is open
      }
      // The customer's message is a resource too (GET /Messages/{sid}.json, priced like an outbound one).
      const now = new Date();
      const received: FakeMessage = {
        ...{ sid: messageSid, direction: "inbound", params: {}, to, from, body, mediaUrls: [], status: "received" },
        ...{ statuses: ["received"], callbacks: [] },
      };
      messageStates.set(messageSid, {
        scenario: { kind: "answer" },
        chain: Promise.resolve(),
        msg: received,
        created: now,
        updated: now,
      });
      const res = await send("inbound-message", url, "POST", params, []);
      const replies: FakeMessage[] = [];
      if (res.status >= 200 && res.status < 300 && /xml/i.test(res.contentType))
        try {
          for (const el of elements(parseXml(res.body)).filter((e) => e.name === "Message")) {
            const bodyEl = elements(el).find((e) => e.name === "Body");
            const text = bodyEl
              ? textOf(bodyEl)
              : el.children
                  .filter((c) => typeof c === "string")
                  .join("")
                  .trim();
            const mediaUrls = elements(el)
              .filter((e) => e.name === "Media")
              .map(textOf);
            const reply: FakeMessage = {
              ...{ sid: sid(mediaUrls.length ? "MM" : "SM"), direction: "outbound-reply", params: {}, to: from, from: to },
              ...{ body: text, mediaUrls, status: "sent", statuses: ["sent"], callbacks: [] },
            };
            replies.push(reply);
            fake.messages.push(reply);
          }
        } catch {
          // Twilio logs 12100 for an unparsable reply and sends nothing
        }
      return { status: res.status, body: res.body, params, replies };
    },
    async settled(sid) {
      await (callStates.get(sid)?.done ?? messageStates.get(sid)?.done ?? Promise.reject(new Error(`fake Twilio: no ${sid}`)));
    },
    async waitFor(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = predicate(fake);
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`fake Twilio: not true within ${timeoutMs} ms: ${predicate.toString()}`);
        await sleep(10);
      }
    },
    async close() {
      closed = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

/** Serves bytes with single-range support (206 + Content-Range, 416 when unsatisfiable), as Twilio's media does. */
function serveBytes(req: IncomingMessage, res: ServerResponse, entry: RequestRecord, data: Buffer, contentType: string) {
  const range = /^bytes=(\d*)-(\d*)$/.exec((req.headers.range ?? "").trim());
  const headers = { "Content-Type": contentType, "Accept-Ranges": "bytes" };
  if (!range || (!range[1] && !range[2])) {
    entry.status = 200;
    res.writeHead(200, { ...headers, "Content-Length": data.length });
    return void res.end(data);
  }
  const size = data.length;
  const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
  const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
  if (start >= size || start > end || (!range[1] && Number(range[2]) === 0)) {
    entry.status = 416;
    res.writeHead(416, { ...headers, "Content-Range": `bytes */${size}` });
    return void res.end();
  }
  entry.status = 206;
  res.writeHead(206, { ...headers, "Content-Range": `bytes ${start}-${end}/${size}`, "Content-Length": end - start + 1 });
  res.end(data.subarray(start, end + 1));
}
