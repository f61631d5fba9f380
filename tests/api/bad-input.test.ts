// Bad input, table-driven: every case must be answered with the exact expected 4xx (never a 5xx), in
// the one error envelope, naming the failing field, without leaking internals (stack traces, Prisma,
// SQL, JSON parser text), and without writing anything. A positive test then shows that legitimate
// "dangerous-looking" text (Unicode, SQL, HTML, template syntax) is stored and returned exactly.
import { beforeAll, describe, expect, it } from "vitest";
import { type ErrorCode, errorEnvelopeSchema } from "@/lib/errors";
import { callSchema } from "@/server/calls/schema";
import { AGENT_ID, api, baseUrl, basicAuth, INACTIVE_AGENT_ID, SKILL_ID, waitForTerminal } from "../support/api";

const CALLS = "/api/v1/calls";
const AGENTS = "/api/v1/agents";
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
const MAX_BODY_BYTES = 65_536;

/** A valid Create Call body (web chat needs no phone or e-mail); cases change one thing in it. */
const valid = { agentId: AGENT_ID, skillId: SKILL_ID, channel: "webchat" } as const;
const withBody = (extra: Record<string, unknown>) => ({ ...valid, ...extra });
const validJson = JSON.stringify(valid);
/** Splices raw JSON text (for what JSON.stringify cannot express: 1e999, __proto__ keys) into a valid body. */
const rawWith = (fragment: string) => `${validJson.slice(0, -1)},${fragment}}`;

/** The id of a finished interaction, created before the baseline counts, for the PUT cases. */
let callId = "";
const callPath = () => `${CALLS}/${callId}`;

type Case = {
  name: string;
  method: string;
  path: string | (() => string);
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as-is (a string, a Blob, or a stream built per request). */
  raw?: string | Blob | (() => ReadableStream<Uint8Array>);
  /** The Content-Type header; null sends none. Defaults to application/json when there is a body. */
  contentType?: string | null;
  /** The Authorization header; null sends none. Defaults to the test credentials. */
  auth?: string | null;
  status: number;
  /** Defaults to the code of `status` (409 → invalid_transition). */
  code?: ErrorCode;
  /** A dotted path that error.details must contain; required for every 422. */
  detail?: string;
  /** The message must match (a clear message, not just any). */
  message?: RegExp;
  extra?: (res: Sent) => void;
};

type Sent = { status: number; headers: Headers; text: string; json: unknown };

const CODE_OF: Record<number, ErrorCode> = {
  400: "bad_request",
  401: "unauthorized",
  404: "not_found",
  405: "method_not_allowed",
  409: "invalid_transition",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "validation_failed",
};

// Internals that must never reach a client: stack frames, ORM/driver/database names, SQL, JSON parser text.
const LEAKS =
  /prisma|\bsql\b|sqlite|postgres|driveradapter|unexpected token|unexpected end of json|in json at position|syntaxerror|typeerror|referenceerror|\n\s+at\s|node_modules|\.next\/|\.(?:ts|js):\d+/i;

async function send(c: Case): Promise<Sent> {
  const headers: Record<string, string> = {};
  const auth = c.auth === undefined ? basicAuth() : c.auth;
  if (auth !== null) headers.authorization = auth;
  const hasBody = c.body !== undefined || c.raw !== undefined;
  const contentType = c.contentType === undefined ? (hasBody ? "application/json" : null) : c.contentType;
  if (contentType !== null) headers["content-type"] = contentType;
  const body = c.body !== undefined ? JSON.stringify(c.body) : typeof c.raw === "function" ? c.raw() : c.raw;
  // A stream body needs duplex "half" (undici); the DOM typings do not know the option yet.
  const init = Object.assign({ method: c.method, headers, body }, body instanceof ReadableStream ? { duplex: "half" } : {});
  const res = await fetch(`${baseUrl()}${typeof c.path === "function" ? c.path() : c.path}`, init);
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** A body over the limit, as one declared-length request or streamed in chunks without a length. */
const oversized = () => JSON.stringify(withBody({ customerName: "x".repeat(MAX_BODY_BYTES + 10) }));
const streamed = () => {
  const bytes = new TextEncoder().encode(oversized());
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
      controller.close();
    },
  });
};

const customFields = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Field ${i}`, value: `v${i}` }));
const routing = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

const bodyCases: Case[] = [
  // Not JSON, or not a JSON object.
  {
    name: "malformed JSON (truncated)",
    method: "POST",
    path: CALLS,
    raw: '{"agentId": ',
    status: 400,
    message: /not valid JSON/,
  },
  { name: "malformed JSON (trailing comma)", method: "POST", path: CALLS, raw: `{"agentId":"${AGENT_ID}",}`, status: 400 },
  { name: "malformed JSON (single quotes)", method: "POST", path: CALLS, raw: "{'agentId': 'x'}", status: 400 },
  {
    name: "array body",
    method: "POST",
    path: CALLS,
    raw: JSON.stringify([valid]),
    status: 400,
    message: /must be a JSON object/,
  },
  { name: "string body", method: "POST", path: CALLS, raw: '"hello"', status: 400, message: /must be a JSON object/ },
  { name: "number body", method: "POST", path: CALLS, raw: "42", status: 400, message: /must be a JSON object/ },
  { name: "null body", method: "POST", path: CALLS, raw: "null", status: 400, message: /must be a JSON object/ },
  { name: "empty body", method: "POST", path: CALLS, raw: "", status: 400 },
  {
    name: "nested 40 levels deep",
    method: "POST",
    path: CALLS,
    raw: rawWith(`"customerName":${nested(40)}`),
    status: 400,
    message: /nested/,
  },
  {
    name: "nested 20000 levels deep",
    method: "POST",
    path: CALLS,
    raw: rawWith(`"customerName":${nested(20_000)}`),
    status: 400,
    message: /nested/,
  },
  // Content type and size.
  {
    name: "Content-Type text/plain",
    method: "POST",
    path: CALLS,
    raw: validJson,
    contentType: "text/plain",
    status: 415,
    message: /application\/json/,
  },
  {
    name: "Content-Type form-urlencoded",
    method: "POST",
    path: CALLS,
    raw: `agentId=${AGENT_ID}&skillId=${SKILL_ID}&channel=webchat`,
    contentType: "application/x-www-form-urlencoded",
    status: 415,
  },
  { name: "Content-Type missing", method: "POST", path: CALLS, raw: new Blob([validJson]), contentType: null, status: 415 },
  {
    name: "Content-Type multipart",
    method: "POST",
    path: CALLS,
    raw: validJson,
    contentType: "multipart/form-data; boundary=x",
    status: 415,
  },
  {
    name: "body over 65536 bytes (declared length)",
    method: "POST",
    path: CALLS,
    raw: oversized(),
    status: 413,
    message: /65536/,
  },
  {
    name: "body over 65536 bytes (streamed, no length)",
    method: "POST",
    path: CALLS,
    raw: streamed,
    status: 413,
    message: /65536/,
  },
];

const typeCases: Case[] = [
  {
    name: "agentId missing",
    method: "POST",
    path: CALLS,
    body: { skillId: SKILL_ID, channel: "webchat" },
    status: 422,
    detail: "agentId",
  },
  {
    name: "channel missing",
    method: "POST",
    path: CALLS,
    body: { agentId: AGENT_ID, skillId: SKILL_ID },
    status: 422,
    detail: "channel",
  },
  { name: "agentId is a number", method: "POST", path: CALLS, body: withBody({ agentId: 123 }), status: 422, detail: "agentId" },
  { name: "channel is a number", method: "POST", path: CALLS, body: withBody({ channel: 1 }), status: 422, detail: "channel" },
  {
    name: "customerName is an array",
    method: "POST",
    path: CALLS,
    body: withBody({ customerName: ["a"] }),
    status: 422,
    detail: "customerName",
  },
  {
    name: "customerOverride is null",
    method: "POST",
    path: CALLS,
    body: withBody({ customerOverride: null }),
    status: 422,
    detail: "customerOverride",
  },
  {
    name: "agentOverride is a string",
    method: "POST",
    path: CALLS,
    body: withBody({ agentOverride: "fast" }),
    status: 422,
    detail: "agentOverride",
  },
  {
    name: "customFields is an object",
    method: "POST",
    path: CALLS,
    body: withBody({ customerOverride: { customFields: { a: 1 } } }),
    status: 422,
    detail: "customerOverride.customFields",
  },
  {
    name: "voiceSpeed 10 (above 4)",
    method: "POST",
    path: CALLS,
    body: withBody({ agentOverride: { voiceSpeed: 10 } }),
    status: 422,
    detail: "agentOverride.voiceSpeed",
    message: /between 0.25 and 4/,
  },
  {
    name: "voiceStability -1 (below 0)",
    method: "POST",
    path: CALLS,
    body: withBody({ agentOverride: { voiceStability: -1 } }),
    status: 422,
    detail: "agentOverride.voiceStability",
    message: /between 0 and 1/,
  },
  {
    name: "simulate as a string",
    method: "POST",
    path: CALLS,
    body: withBody({ simulate: "yes" }),
    status: 422,
    detail: "simulate",
  },
  {
    name: "persona over 2000 characters",
    method: "POST",
    path: CALLS,
    body: withBody({ simulate: true, persona: "p".repeat(2001) }),
    status: 422,
    detail: "persona",
  },
  {
    name: "voiceSpeed as a string",
    method: "POST",
    path: CALLS,
    body: withBody({ agentOverride: { voiceSpeed: "1.5" } }),
    status: 422,
    detail: "agentOverride.voiceSpeed",
  },
  {
    name: "voiceSpeed 1e999 (Infinity)",
    method: "POST",
    path: CALLS,
    raw: rawWith('"agentOverride":{"voiceSpeed":1e999}'),
    status: 422,
    detail: "agentOverride.voiceSpeed",
  },
  {
    name: "custom field value 1e999 (Infinity)",
    method: "POST",
    path: CALLS,
    raw: rawWith('"customerOverride":{"customFields":[{"name":"n","value":1e999}]}'),
    status: 422,
    detail: "customerOverride.customFields.0.value",
  },
  {
    name: "routing condition value -1e999",
    method: "POST",
    path: CALLS,
    raw: rawWith('"agentOverride":{"prompt":{"routingConditions":{"priority":-1e999}}}'),
    status: 422,
    detail: "agentOverride.prompt.routingConditions.priority",
  },
];

const idCases: Case[] = [
  {
    name: "agentId not a UUID",
    method: "POST",
    path: CALLS,
    body: withBody({ agentId: "agent-1" }),
    status: 422,
    detail: "agentId",
    message: /UUID/,
  },
  {
    name: "skillId not a UUID",
    method: "POST",
    path: CALLS,
    body: withBody({ skillId: "123" }),
    status: 422,
    detail: "skillId",
    message: /UUID/,
  },
  {
    name: "agentId with SQL in it",
    method: "POST",
    path: CALLS,
    body: withBody({ agentId: "' OR 1=1 --" }),
    status: 422,
    detail: "agentId",
  },
  {
    name: "unknown agentId (valid UUID)",
    method: "POST",
    path: CALLS,
    body: withBody({ agentId: UNKNOWN_ID }),
    status: 422,
    detail: "agentId",
    message: /No agent has the id/,
  },
  {
    name: "inactive agent",
    method: "POST",
    path: CALLS,
    body: withBody({ agentId: INACTIVE_AGENT_ID }),
    status: 422,
    detail: "agentId",
    message: /inactive/,
  },
  {
    name: "unknown skillId (valid UUID)",
    method: "POST",
    path: CALLS,
    body: withBody({ skillId: UNKNOWN_ID }),
    status: 422,
    detail: "skillId",
    message: /No skill has the id/,
  },
];

const contactCases: Case[] = [
  {
    name: "customerPhone not E.164",
    method: "POST",
    path: CALLS,
    body: withBody({ customerPhone: "4155550123" }),
    status: 422,
    detail: "customerPhone",
    message: /international format/,
  },
  {
    name: "customerPhone with a trailing newline",
    method: "POST",
    path: CALLS,
    body: withBody({ customerPhone: "+14155550123\n" }),
    status: 422,
    detail: "customerPhone",
  },
  {
    name: "customerOverride.phoneNumber with spaces",
    method: "POST",
    path: CALLS,
    body: withBody({ customerOverride: { phoneNumber: "+1 415 555 0123" } }),
    status: 422,
    detail: "customerOverride.phoneNumber",
  },
  {
    name: "agentOverride.phone starting +0",
    method: "POST",
    path: CALLS,
    body: withBody({ agentOverride: { phone: "+0123456789" } }),
    status: 422,
    detail: "agentOverride.phone",
  },
  {
    name: "customerEmail invalid",
    method: "POST",
    path: CALLS,
    body: withBody({ customerEmail: "not-an-email" }),
    status: 422,
    detail: "customerEmail",
    message: /e-mail/,
  },
  {
    name: "customerEmail with CRLF header injection",
    method: "POST",
    path: CALLS,
    body: withBody({ customerEmail: "a@b.com\r\nBcc: x@y.com" }),
    status: 422,
    detail: "customerEmail",
  },
  {
    name: "customerOverride.email with CRLF header injection",
    method: "POST",
    path: CALLS,
    body: withBody({ customerOverride: { email: "a@b.com\r\nBcc: x@y.com" } }),
    status: 422,
    detail: "customerOverride.email",
  },
  {
    name: "customerOverride.language not a tag",
    method: "POST",
    path: CALLS,
    body: withBody({ customerOverride: { language: "english please" } }),
    status: 422,
    detail: "customerOverride.language",
  },
];

const fieldCases: Case[] = [
  {
    name: "unknown top-level field",
    method: "POST",
    path: CALLS,
    body: withBody({ priority: "high" }),
    status: 422,
    detail: "priority",
    message: /Unknown field/,
  },
  {
    name: "unknown field in customerOverride",
    method: "POST",
    path: CALLS,
    body: withBody({ customerOverride: { middleName: "Q" } }),
    status: 422,
    detail: "customerOverride.middleName",
  },
  {
    name: "unknown field in agentOverride.prompt",
    method: "POST",
    path: CALLS,
    body: withBody({ agentOverride: { prompt: { temperature: 2 } } }),
    status: 422,
    detail: "agentOverride.prompt.temperature",
  },
  {
    name: "unknown field in a custom field",
    method: "POST",
    path: CALLS,
    body: withBody({ customerOverride: { customFields: [{ name: "a", value: "b", type: "text" }] } }),
    status: 422,
    detail: "customerOverride.customFields.0.type",
  },
  {
    name: "server-owned id on create",
    method: "POST",
    path: CALLS,
    body: withBody({ id: UNKNOWN_ID }),
    status: 422,
    detail: "id",
  },
  {
    name: "server-owned status on create",
    method: "POST",
    path: CALLS,
    body: withBody({ status: "completed" }),
    status: 422,
    detail: "status",
  },
  {
    name: "server-owned createdAt on create",
    method: "POST",
    path: CALLS,
    body: withBody({ createdAt: "2020-01-01T00:00:00Z" }),
    status: 422,
    detail: "createdAt",
  },
  {
    name: "server-owned transcription on create",
    method: "POST",
    path: CALLS,
    body: withBody({ transcription: "fake" }),
    status: 422,
    detail: "transcription",
  },
];

const textCases: Case[] = [
  {
    name: "customerName with NUL",
    method: "POST",
    path: CALLS,
    body: withBody({ customerName: "Jo\u0000hn" }),
    status: 422,
    detail: "customerName",
    message: /control characters/,
  },
  {
    name: "customerName with BEL",
    method: "POST",
    path: CALLS,
    body: withBody({ customerName: "Jo\u0007hn" }),
    status: 422,
    detail: "customerName",
  },
  {
    name: "customerOverride.firstName with a newline",
    method: "POST",
    path: CALLS,
    body: withBody({ customerOverride: { firstName: "Jo\nhn" } }),
    status: 422,
    detail: "customerOverride.firstName",
  },
  {
    name: "agentOverride.name with ESC",
    method: "POST",
    path: CALLS,
    body: withBody({ agentOverride: { name: "\u001b[31mRed" } }),
    status: 422,
    detail: "agentOverride.name",
  },
  {
    name: "initialMessage with NUL",
    method: "POST",
    path: CALLS,
    body: withBody({ agentOverride: { prompt: { initialMessage: "Hi\u0000" } } }),
    status: 422,
    detail: "agentOverride.prompt.initialMessage",
  },
  {
    name: "custom field name with NUL",
    method: "POST",
    path: CALLS,
    body: withBody({ customerOverride: { customFields: [{ name: "a\u0000", value: "b" }] } }),
    status: 422,
    detail: "customerOverride.customFields.0.name",
  },
  {
    name: "customerName of 201 characters",
    method: "POST",
    path: CALLS,
    body: withBody({ customerName: "a".repeat(201) }),
    status: 422,
    detail: "customerName",
    message: /at most 200/,
  },
  {
    name: "prompt of 20001 characters",
    method: "POST",
    path: CALLS,
    body: withBody({ agentOverride: { prompt: { prompt: "p".repeat(20_001) } } }),
    status: 422,
    detail: "agentOverride.prompt.prompt",
    message: /at most 20000/,
  },
  {
    name: "customerName with an unpaired surrogate",
    method: "POST",
    path: CALLS,
    raw: rawWith('"customerName":"a\\ud800b"'),
    status: 422,
    detail: "customerName",
    message: /surrogate/,
  },
  {
    name: "routing condition key with an unpaired surrogate",
    method: "POST",
    path: CALLS,
    raw: rawWith('"agentOverride":{"prompt":{"routingConditions":{"\\udc00":"x"}}}'),
    status: 422,
    detail: "agentOverride.prompt.routingConditions.\udc00",
  },
];

const customFieldCases: Case[] = [
  {
    name: "51 custom fields",
    method: "POST",
    path: CALLS,
    body: withBody({ customerOverride: { customFields: customFields(51) } }),
    status: 422,
    detail: "customerOverride.customFields",
    message: /At most 50/,
  },
  {
    name: "custom field value is an object",
    method: "POST",
    path: CALLS,
    body: withBody({ customerOverride: { customFields: [{ name: "a", value: { b: 1 } }] } }),
    status: 422,
    detail: "customerOverride.customFields.0.value",
  },
  {
    name: "custom field value is an array",
    method: "POST",
    path: CALLS,
    body: withBody({ customerOverride: { customFields: [{ name: "a", value: [1, 2] }] } }),
    status: 422,
    detail: "customerOverride.customFields.0.value",
  },
  {
    name: "custom field value is null",
    method: "POST",
    path: CALLS,
    body: withBody({ customerOverride: { customFields: [{ name: "a", value: null }] } }),
    status: 422,
    detail: "customerOverride.customFields.0.value",
  },
  {
    name: "custom field without a name",
    method: "POST",
    path: CALLS,
    body: withBody({ customerOverride: { customFields: [{ value: "b" }] } }),
    status: 422,
    detail: "customerOverride.customFields.0.name",
  },
  {
    name: "custom field value of 2001 characters",
    method: "POST",
    path: CALLS,
    body: withBody({ customerOverride: { customFields: [{ name: "a", value: "v".repeat(2001) }] } }),
    status: 422,
    detail: "customerOverride.customFields.0.value",
  },
  {
    name: "51 routing conditions",
    method: "POST",
    path: CALLS,
    body: withBody({ agentOverride: { prompt: { routingConditions: routing(51) } } }),
    status: 422,
    detail: "agentOverride.prompt.routingConditions",
  },
  {
    name: "routing condition value is an object",
    method: "POST",
    path: CALLS,
    body: withBody({ agentOverride: { prompt: { routingConditions: { a: { b: 1 } } } } }),
    status: 422,
    detail: "agentOverride.prompt.routingConditions.a",
  },
];

const pollutionCases: Case[] = [
  {
    name: "__proto__ at top level",
    method: "POST",
    path: CALLS,
    raw: rawWith('"__proto__":{"polluted":true}'),
    status: 422,
    detail: "__proto__",
    message: /not allowed/,
  },
  {
    name: "constructor at top level",
    method: "POST",
    path: CALLS,
    raw: rawWith('"constructor":{"prototype":{"polluted":true}}'),
    status: 422,
    detail: "constructor",
  },
  {
    name: "prototype at top level",
    method: "POST",
    path: CALLS,
    raw: rawWith('"prototype":{"polluted":true}'),
    status: 422,
    detail: "prototype",
  },
  {
    name: "__proto__ in routingConditions",
    method: "POST",
    path: CALLS,
    raw: rawWith('"agentOverride":{"prompt":{"routingConditions":{"__proto__":"x"}}}'),
    status: 422,
    detail: "agentOverride.prompt.routingConditions.__proto__",
  },
  {
    name: "constructor in routingConditions",
    method: "POST",
    path: CALLS,
    raw: rawWith('"agentOverride":{"prompt":{"routingConditions":{"constructor":"x"}}}'),
    status: 422,
    detail: "agentOverride.prompt.routingConditions.constructor",
  },
  {
    name: "__proto__ in customerOverride",
    method: "POST",
    path: CALLS,
    raw: rawWith('"customerOverride":{"__proto__":{"isAdmin":true}}'),
    status: 422,
    detail: "customerOverride.__proto__",
  },
  {
    name: "prototype in customerOverride",
    method: "POST",
    path: CALLS,
    raw: rawWith('"customerOverride":{"prototype":{"isAdmin":true}}'),
    status: 422,
    detail: "customerOverride.prototype",
  },
  {
    name: "__proto__ inside a custom field",
    method: "POST",
    path: CALLS,
    raw: rawWith('"customerOverride":{"customFields":[{"name":"a","value":"b","__proto__":{"x":1}}]}'),
    status: 422,
    detail: "customerOverride.customFields.0.__proto__",
  },
];

const urlCases: Case[] = [
  {
    name: "imageURL javascript:",
    method: "POST",
    path: CALLS,
    body: withBody({ agentOverride: { imageURL: "javascript:alert(1)" } }),
    status: 422,
    detail: "agentOverride.imageURL",
    message: /http\(s\)/,
  },
  {
    name: "imageURL data:",
    method: "POST",
    path: CALLS,
    body: withBody({ agentOverride: { imageURL: "data:image/png;base64,iVBORw0KGgo=" } }),
    status: 422,
    detail: "agentOverride.imageURL",
  },
  {
    name: "imageURL ftp:",
    method: "POST",
    path: CALLS,
    body: withBody({ agentOverride: { imageURL: "ftp://example.com/a.png" } }),
    status: 422,
    detail: "agentOverride.imageURL",
  },
  {
    name: "imageURL file:",
    method: "POST",
    path: CALLS,
    body: withBody({ agentOverride: { imageURL: "file:///etc/passwd" } }),
    status: 422,
    detail: "agentOverride.imageURL",
  },
  {
    name: "imageURL with a tab inside javascript:",
    method: "POST",
    path: CALLS,
    body: withBody({ agentOverride: { imageURL: "java\tscript:alert(1)" } }),
    status: 422,
    detail: "agentOverride.imageURL",
  },
  {
    name: "imageURL with NUL in the path",
    method: "POST",
    path: CALLS,
    body: withBody({ agentOverride: { imageURL: "https://example.com/a\u0000.png" } }),
    status: 422,
    detail: "agentOverride.imageURL",
  },
  {
    name: "imageURL with CRLF in the path",
    method: "POST",
    path: CALLS,
    body: withBody({ agentOverride: { imageURL: "https://example.com/a\r\nSet-Cookie: x=1" } }),
    status: 422,
    detail: "agentOverride.imageURL",
  },
];

const channelCases: Case[] = [
  {
    name: "channel sms without any phone",
    method: "POST",
    path: CALLS,
    body: withBody({ channel: "sms", customerEmail: "a@example.com" }),
    status: 422,
    detail: "customerPhone",
    message: /phone number is required for the sms channel/,
  },
  {
    name: "channel call without any phone",
    method: "POST",
    path: CALLS,
    body: withBody({ channel: "call" }),
    status: 422,
    detail: "customerPhone",
  },
  {
    name: "channel whatsapp without any phone",
    method: "POST",
    path: CALLS,
    body: withBody({ channel: "whatsapp" }),
    status: 422,
    detail: "customerPhone",
  },
  {
    name: "channel email without any e-mail",
    method: "POST",
    path: CALLS,
    body: withBody({ channel: "email", customerPhone: "+14155550123" }),
    status: 422,
    detail: "customerEmail",
    message: /e-mail address is required/,
  },
  {
    name: "channel fax",
    method: "POST",
    path: CALLS,
    body: withBody({ channel: "fax" }),
    status: 422,
    detail: "channel",
    message: /one of: call, sms/,
  },
  {
    name: "channel in upper case",
    method: "POST",
    path: CALLS,
    body: withBody({ channel: "SMS" }),
    status: 422,
    detail: "channel",
  },
];

const updateCases: Case[] = [
  {
    name: "PUT with an empty object",
    method: "PUT",
    path: callPath,
    body: {},
    status: 422,
    detail: "(body)",
    message: /at least one of/,
  },
  {
    name: "PUT status bogus",
    method: "PUT",
    path: callPath,
    body: { status: "bogus" },
    status: 422,
    detail: "status",
    message: /status must be one of/,
  },
  {
    name: "PUT illegal transition completed → queued",
    method: "PUT",
    path: callPath,
    body: { status: "queued" },
    status: 409,
    detail: "status",
    message: /cannot go from "completed" to "queued"/,
    extra: (res) => expect(errorEnvelopeSchema.parse(res.json).error.allowed).toEqual(["resolved"]),
  },
  {
    name: "PUT illegal transition with a note (nothing written)",
    method: "PUT",
    path: callPath,
    body: { status: "in-progress", note: "must not be saved" },
    status: 409,
    extra: (res) => expect(Array.isArray(errorEnvelopeSchema.parse(res.json).error.allowed)).toBe(true),
  },
  { name: "PUT note with NUL", method: "PUT", path: callPath, body: { note: "a\u0000b" }, status: 422, detail: "note" },
  {
    name: "PUT inactive agentId",
    method: "PUT",
    path: callPath,
    body: { agentId: INACTIVE_AGENT_ID },
    status: 422,
    detail: "agentId",
    message: /inactive/,
  },
  {
    name: "PUT unknown agentId",
    method: "PUT",
    path: callPath,
    body: { agentId: UNKNOWN_ID },
    status: 422,
    detail: "agentId",
    message: /No agent has the id/,
  },
  {
    name: "PUT server-owned field",
    method: "PUT",
    path: callPath,
    body: { customerName: "Eve" },
    status: 422,
    detail: "customerName",
  },
  { name: "PUT status as a number", method: "PUT", path: callPath, body: { status: 3 }, status: 422, detail: "status" },
  { name: "PUT as text/plain", method: "PUT", path: callPath, raw: '{"note":"x"}', contentType: "text/plain", status: 415 },
  { name: "PUT malformed JSON", method: "PUT", path: callPath, raw: '{"note":', status: 400 },
  { name: "PUT to an unknown UUID", method: "PUT", path: `${CALLS}/${UNKNOWN_ID}`, body: { note: "x" }, status: 404 },
  { name: "PUT to a non-UUID id", method: "PUT", path: `${CALLS}/42`, body: { note: "x" }, status: 422, detail: "id" },
];

const agentCases: Case[] = [
  { name: "agent without a name", method: "POST", path: AGENTS, body: { lastname: "Smith" }, status: 422, detail: "name" },
  { name: "agent with a blank name", method: "POST", path: AGENTS, body: { name: "   " }, status: 422, detail: "name" },
  {
    name: "agent voiceSpeed 10",
    method: "POST",
    path: AGENTS,
    body: { name: "Ava", voiceSpeed: 10 },
    status: 422,
    detail: "voiceSpeed",
  },
  {
    name: "agent voiceStability 1e999",
    method: "POST",
    path: AGENTS,
    raw: '{"name":"Ava","voiceStability":1e999}',
    status: 422,
    detail: "voiceStability",
  },
  {
    name: "agent invalid e-mail",
    method: "POST",
    path: AGENTS,
    body: { name: "Ava", email: "ava@" },
    status: 422,
    detail: "email",
  },
  {
    name: "agent phone with a newline",
    method: "POST",
    path: AGENTS,
    body: { name: "Ava", phone: "+14155550123\n" },
    status: 422,
    detail: "phone",
  },
  {
    name: "agent imageURL javascript:",
    method: "POST",
    path: AGENTS,
    body: { name: "Ava", imageURL: "javascript:alert(1)" },
    status: 422,
    detail: "imageURL",
  },
  {
    name: "agent imageURL with NUL in the path",
    method: "POST",
    path: AGENTS,
    body: { name: "Ava", imageURL: "https://example.com/a\u0000.png" },
    status: 422,
    detail: "imageURL",
  },
  {
    name: "agent unknown skillIds",
    method: "POST",
    path: AGENTS,
    body: { name: "Ava", skillIds: [UNKNOWN_ID] },
    status: 422,
    detail: "skillIds",
  },
  {
    name: "agent skillIds not UUIDs",
    method: "POST",
    path: AGENTS,
    body: { name: "Ava", skillIds: ["x"] },
    status: 422,
    detail: "skillIds.0",
  },
  {
    name: "agent capabilities not an array",
    method: "POST",
    path: AGENTS,
    body: { name: "Ava", capabilities: "sales" },
    status: 422,
    detail: "capabilities",
  },
  {
    name: "agent server-owned id",
    method: "POST",
    path: AGENTS,
    body: { name: "Ava", id: UNKNOWN_ID },
    status: 422,
    detail: "id",
  },
  {
    name: "agent __proto__ key",
    method: "POST",
    path: AGENTS,
    raw: '{"name":"Ava","__proto__":{"active":false}}',
    status: 422,
    detail: "__proto__",
  },
  {
    name: "agent name with an unpaired surrogate",
    method: "POST",
    path: AGENTS,
    raw: '{"name":"\\ud83d"}',
    status: 422,
    detail: "name",
  },
];

const queryCases: Case[] = [
  { name: "limit=0", method: "GET", path: `${CALLS}?limit=0`, status: 422, detail: "limit" },
  { name: "limit=101", method: "GET", path: `${CALLS}?limit=101`, status: 422, detail: "limit", message: /between 1 and 100/ },
  { name: "limit=abc", method: "GET", path: `${CALLS}?limit=abc`, status: 422, detail: "limit" },
  { name: "page=-1", method: "GET", path: `${CALLS}?page=-1`, status: 422, detail: "page" },
  { name: "page=1.5", method: "GET", path: `${CALLS}?page=1.5`, status: 422, detail: "page" },
  {
    name: "unknown query parameter",
    method: "GET",
    path: `${CALLS}?sort=asc`,
    status: 422,
    detail: "sort",
    message: /Unknown field/,
  },
  { name: "status=bogus", method: "GET", path: `${CALLS}?status=bogus`, status: 422, detail: "status" },
  { name: "channel=fax", method: "GET", path: `${CALLS}?channel=fax`, status: 422, detail: "channel" },
  { name: "agentId not a UUID", method: "GET", path: `${CALLS}?agentId=1%20OR%201=1`, status: 422, detail: "agentId" },
  { name: "hrs=-1", method: "GET", path: `${CALLS}?hrs=-1`, status: 422, detail: "hrs" },
  { name: "hrs=Infinity", method: "GET", path: `${CALLS}?hrs=Infinity`, status: 422, detail: "hrs" },
  {
    name: "dateRange[from]=yesterday",
    method: "GET",
    path: `${CALLS}?dateRange%5Bfrom%5D=yesterday`,
    status: 422,
    detail: "dateRange[from]",
  },
  {
    name: "dateRange[from]=2025-02-30 (no such day)",
    method: "GET",
    path: `${CALLS}?dateRange%5Bfrom%5D=2025-02-30`,
    status: 422,
    detail: "dateRange[from]",
  },
  {
    name: "dateRange[from]=0000-01-01 (out of range)",
    method: "GET",
    path: `${CALLS}?dateRange%5Bfrom%5D=0000-01-01`,
    status: 422,
    detail: "dateRange[from]",
  },
  {
    name: "dateRange[to]=2025-13-01",
    method: "GET",
    path: `${CALLS}?dateRange%5Bto%5D=2025-13-01`,
    status: 422,
    detail: "dateRange[to]",
  },
  {
    name: "dateRange from after to",
    method: "GET",
    path: `${CALLS}?dateRange%5Bfrom%5D=2025-03-02&dateRange%5Bto%5D=2025-03-01`,
    status: 422,
    detail: "dateRange[from]",
  },
  { name: "q with NUL", method: "GET", path: `${CALLS}?q=a%00b`, status: 422, detail: "q" },
  { name: "agents limit=101", method: "GET", path: `${AGENTS}?limit=101`, status: 422, detail: "limit" },
  { name: "agents active=maybe", method: "GET", path: `${AGENTS}?active=maybe`, status: 422, detail: "active" },
];

const pathCases: Case[] = [
  { name: "GET call id not a UUID", method: "GET", path: `${CALLS}/not-a-uuid`, status: 422, detail: "id", message: /UUID/ },
  { name: "GET call id with SQL", method: "GET", path: `${CALLS}/1'%20OR%20'1'='1`, status: 422, detail: "id" },
  { name: "GET call id %00", method: "GET", path: `${CALLS}/%00`, status: 422, detail: "id" },
  { name: "GET unknown call UUID", method: "GET", path: `${CALLS}/${UNKNOWN_ID}`, status: 404, message: /Call was not found/ },
  { name: "GET agent id not a UUID", method: "GET", path: `${AGENTS}/123`, status: 422, detail: "id" },
  { name: "GET unknown agent UUID", method: "GET", path: `${AGENTS}/${UNKNOWN_ID}`, status: 404 },
];

const wwwAuthenticate = (res: Sent) => expect(res.headers.get("www-authenticate")).toMatch(/^Basic /);
const authCases: Case[] = [
  {
    name: "no Authorization header",
    method: "GET",
    path: CALLS,
    auth: null,
    status: 401,
    message: /Authorization: Basic/,
    extra: wwwAuthenticate,
  },
  {
    name: "wrong password",
    method: "GET",
    path: CALLS,
    auth: basicAuth(undefined, "wrong-password-0000"),
    status: 401,
    extra: wwwAuthenticate,
  },
  {
    name: "unknown username",
    method: "GET",
    path: CALLS,
    auth: basicAuth("nobody", "test-password-0123456789"),
    status: 401,
    extra: wwwAuthenticate,
  },
  {
    name: "Bearer instead of Basic",
    method: "GET",
    path: CALLS,
    auth: "Bearer abc.def.ghi",
    status: 401,
    extra: wwwAuthenticate,
  },
  { name: "Basic with garbage", method: "GET", path: CALLS, auth: "Basic !!!", status: 401, extra: wwwAuthenticate },
  {
    name: "Basic with NUL in the username",
    method: "GET",
    path: CALLS,
    auth: basicAuth("test\u0000integrator", "x"),
    status: 401,
    extra: wwwAuthenticate,
  },
  {
    name: "no auth and a malformed body: 401 first",
    method: "POST",
    path: CALLS,
    auth: null,
    raw: "{",
    status: 401,
    extra: wwwAuthenticate,
  },
  { name: "no auth on PUT", method: "PUT", path: callPath, auth: null, body: { note: "x" }, status: 401, extra: wwwAuthenticate },
];

const routeCases: Case[] = [
  {
    name: "PATCH /calls",
    method: "PATCH",
    path: CALLS,
    body: {},
    status: 405,
    extra: (res) => expect(res.headers.get("allow")).toBe("GET, POST"),
  },
  { name: "DELETE /calls", method: "DELETE", path: CALLS, status: 405 },
  {
    name: "POST /calls/{id}",
    method: "POST",
    path: callPath,
    body: valid,
    status: 405,
    extra: (res) => expect(res.headers.get("allow")).toBe("GET, PUT"),
  },
  { name: "GET /api/v1/nope", method: "GET", path: "/api/v1/nope", status: 404 },
  {
    name: "malformed percent-encoding in a call path",
    method: "GET",
    path: `${CALLS}/%E0%A4%A`,
    status: 400,
    message: /percent-encoding/,
  },
  {
    name: "malformed percent-encoding in an agent path",
    method: "GET",
    path: `${AGENTS}/%FF`,
    status: 400,
    message: /percent-encoding/,
  },
  { name: "POST /api/v1/nope", method: "POST", path: "/api/v1/nope", body: valid, status: 404 },
];

const CASES: Record<string, Case[]> = {
  "body format": bodyCases,
  "types and numbers": typeCases,
  ids: idCases,
  "phones and e-mails": contactCases,
  "unknown and server-owned fields": fieldCases,
  "control characters and lengths": textCases,
  "custom fields and routing conditions": customFieldCases,
  "prototype pollution": pollutionCases,
  "image URLs": urlCases,
  "channel requirements": channelCases,
  "PUT /calls/{id}": updateCases,
  "POST /agents": agentCases,
  "list query": queryCases,
  "path ids": pathCases,
  authentication: authCases,
  "methods and routes": routeCases,
};

async function totals() {
  const [calls, agents] = await Promise.all([api("GET", `${CALLS}?limit=1`), api("GET", `${AGENTS}?limit=1`)]);
  expect(calls.status).toBe(200);
  expect(agents.status).toBe(200);
  return { calls: calls.headers.get("x-total-count"), agents: agents.headers.get("x-total-count") };
}

describe("bad input", () => {
  let before: Awaited<ReturnType<typeof totals>>;
  let callBefore: Record<string, unknown>;

  beforeAll(async () => {
    const created = await api("POST", CALLS, { ...valid, customerName: "Bad Input Fixture", simulate: true });
    expect(created.status).toBe(200);
    callId = created.body.id;
    callBefore = await waitForTerminal(callId);
    expect(callBefore.status).toBe("completed");
    // The post-call analysis is the one write after the end: the snapshot is taken once it is in.
    for (let i = 0; ; i++) {
      callBefore = (await api("GET", `${CALLS}/${callId}`)).body;
      if ((callBefore.analysis as { status: string } | null)?.status === "done") break;
      if (i > 200) throw new Error("the fixture call was not analysed");
      await new Promise((r) => setTimeout(r, 100));
    }
    before = await totals();
    expect(Number(before.calls)).toBeGreaterThan(0);
  });

  it("has at least 40 cases", () => {
    expect(Object.values(CASES).flat().length).toBeGreaterThanOrEqual(40);
  });

  for (const [group, cases] of Object.entries(CASES)) {
    describe(group, () => {
      it.each(cases)("$name → $status", async (c) => {
        const res = await send(c);
        expect(res.status, res.text).toBe(c.status);
        const parsed = errorEnvelopeSchema.safeParse(res.json);
        expect(parsed.success, `not the error envelope: ${res.text.slice(0, 300)}`).toBe(true);
        if (!parsed.success) return;
        const { error } = parsed.data;
        expect(res.headers.get("content-type")).toMatch(/^application\/json/);
        expect(error.code).toBe(c.code ?? CODE_OF[c.status]);
        expect(error.message.length).toBeGreaterThan(0);
        expect(res.text).not.toMatch(LEAKS);
        if (c.status === 422) expect(c.detail, "every 422 case names the failing field").toBeDefined();
        if (c.detail !== undefined) {
          expect(error.details?.map((d) => d.path) ?? [], error.message).toContain(c.detail);
          for (const d of error.details ?? []) expect(d.message.length).toBeGreaterThan(0);
        }
        if (c.message) expect(error.message).toMatch(c.message);
        c.extra?.(res);
      });
    });
  }

  it("wrote nothing: the totals and the fixture call are unchanged", async () => {
    expect(await totals()).toEqual(before);
    const after = await api("GET", callPath());
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({
      status: callBefore.status,
      note: callBefore.note,
      agentId: callBefore.agentId,
      updatedAt: callBefore.updatedAt,
    });
    // The prototype-pollution attempts changed nothing server-side either: plain objects still serialize.
    expect(Object.keys(after.body)).not.toContain("polluted");
  });
});

describe("legitimate text that looks dangerous", () => {
  it("stores Unicode, SQL-looking and HTML-looking text byte-for-byte, and never evaluates templates", async () => {
    const name = "Zoë 👩‍👩‍👧 李小龙 שלום مرحبا '; DROP TABLE x; -- <script>alert(1)</script>";
    const value = 'Ünïcödé 🎉 注文 עברית "quoted" \'; DROP TABLE interactions; -- <img src=x onerror=alert(1)> & &amp;';
    const fieldName = "注文 <b>ID</b>";
    const { calls: countBefore } = await totals();

    const created = await api("POST", CALLS, {
      ...valid,
      customerName: name,
      customerOverride: { customFields: [{ name: fieldName, value }] },
      agentOverride: { prompt: { initialMessage: "Hi {{customerName}}, 7*7={{7*7}}.", prompt: "Order {{注文 <b>ID</b>}}" } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const call = callSchema.parse(created.body);

    const fetched = await api("GET", `${CALLS}/${call.id}`);
    expect(fetched.status).toBe(200);
    for (const got of [call, callSchema.parse(fetched.body)]) {
      expect(got.customerName).toBe(name);
      expect(Buffer.from(got.customerName, "utf8").equals(Buffer.from(name, "utf8"))).toBe(true);
      expect(got.customFields).toEqual([{ name: fieldName, value }]);
      expect(Buffer.from(String(got.customFields[0].value), "utf8").equals(Buffer.from(value, "utf8"))).toBe(true);
      // {{7*7}} is a name nobody supplied: it renders as empty and is reported, never as 49.
      expect(got.initialMessage).toBe(`Hi ${name}, 7*7=.`);
      expect(got.unresolvedVariables).toContain("7*7");
      expect(got.prompt).toBe(`Order ${value}`);
    }

    // The SQL-looking text was data, not SQL: the table is intact and searchable for it.
    expect(Number((await totals()).calls)).toBe(Number(countBefore) + 1);
    const found = await api("GET", `${CALLS}?q=${encodeURIComponent("'; DROP TABLE x; --")}`);
    expect(found.status).toBe(200);
    expect(found.body.map((c: { id: string }) => c.id)).toContain(call.id);
  });
});
