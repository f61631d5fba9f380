// GET /api/v1/openapi.json: a valid OpenAPI 3.1 document (checked by an independent validator) that
// covers every route handler, and that real answers of the running app conform to (checked with ajv
// against the document's own response schemas), webhook deliveries included.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, TEST_ADMIN } from "../support/app";
import { AGENT_ID, api, baseUrl, SKILL_ID, waitForTerminal } from "../support/api";
import { startWebhookReceiver } from "../support/webhook-receiver";
import { apiRoutes } from "../support/routes";
import { OPERATIONS } from "@/server/openapi/registry";

type Doc = Record<string, any>;
let doc: Doc;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

const DOC_ID = "openapi.json";
const pointerToken = (s: string) => s.replaceAll("~", "~0").replaceAll("/", "~1");

/** The ajv reference of the schema the document gives for this answer (following a components.responses $ref). */
function responseSchemaRef(method: string, path: string, status: number, type = "application/json"): string {
  const responses = doc.paths[path]?.[method]?.responses;
  expect(responses, `${method.toUpperCase()} ${path} is documented`).toBeDefined();
  const response = responses[String(status)];
  expect(response, `${method.toUpperCase()} ${path} documents ${status}`).toBeDefined();
  const base = response.$ref ?? `#/paths/${pointerToken(path)}/${method}/responses/${status}`;
  const resolved = response.$ref ? doc.components.responses[response.$ref.split("/").at(-1)] : response;
  expect(resolved.content?.[type], `${method.toUpperCase()} ${path} ${status} documents ${type}`).toBeDefined();
  return `${DOC_ID}${base}/content/${pointerToken(type)}/schema`;
}

function expectConforms(res: { status: number; body: unknown; headers: Headers }, method: string, path: string) {
  const type = res.headers.get("content-type")?.split(";")[0] ?? "";
  const validate = ajv.getSchema(responseSchemaRef(method, path, res.status, type));
  expect(validate, "the schema compiles").toBeDefined();
  const ok = validate?.(res.body);
  expect(ok, `${method.toUpperCase()} ${path} ${res.status}: ${ajv.errorsText(validate?.errors)}`).toBe(true);
}

const newCall = async () => {
  const res = await api("POST", "/api/v1/calls", {
    agentId: AGENT_ID,
    skillId: SKILL_ID,
    channel: "call",
    customerName: "Open Api",
    customerPhone: "+14155550177",
    customerOverride: { customFields: [{ name: "plan", value: "gold" }] },
  });
  expect(res.status).toBe(200);
  return res;
};

beforeAll(async () => {
  const res = await fetch(`${baseUrl()}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  doc = await res.json();
  ajv.addSchema(doc, DOC_ID);
});

describe("the document", () => {
  it("is a valid OpenAPI 3.1 document, served without credentials", async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const result = await new Validator().validate(doc);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("documents every method of every route handler, and nothing else", () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(20);
    const implemented = routes.flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)).sort();
    const documented = Object.entries(doc.paths as Doc)
      .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(implemented);
    // methodNotAllowed(allowed) names what the file implements, so its 405 answers tell the truth.
    for (const r of routes.filter((r) => r.notAllowedArgument))
      expect([...(r.notAllowedArgument ?? [])].sort(), r.file).toEqual(r.methods);
  });

  it("declares the same caller for each operation as its handler's route({ auth }) enforces", () => {
    const handlerAuth = new Map(apiRoutes().flatMap((r) => r.methods.map((m) => [`${m.toLowerCase()} ${r.path}`, r.auth[m]])));
    expect(OPERATIONS.length).toBeGreaterThan(30);
    for (const op of OPERATIONS) {
      // Sign-out works with or without a session, so its handler is public and acts on the cookie if any.
      const declared = op.auth === "optional-session" ? "public" : op.auth;
      expect(handlerAuth.get(`${op.method} ${op.path}`), `${op.method.toUpperCase()} ${op.path}`).toBe(declared);
    }
  });

  it("has the Basic scheme globally, public endpoints open, errors as the envelope, webhook payloads", () => {
    expect(doc.components.securitySchemes.basicAuth).toMatchObject({ type: "http", scheme: "basic" });
    expect(doc.security).toContainEqual({ basicAuth: [] });
    for (const [path, method] of [
      ["/api/health", "get"],
      ["/api/ping", "get"],
      ["/api/v1/calls/{id}/recording", "get"],
      ["/api/v1/session", "post"],
      ["/api/v1/openapi.json", "get"],
    ]) {
      expect(doc.paths[path][method].security, `${method} ${path}`).toEqual([]);
    }
    const operations = Object.values(doc.paths as Doc).flatMap((item) => Object.values(item as Doc));
    for (const status of ["400", "401", "403", "404", "409", "413", "415", "422", "429"]) {
      const refs = operations.map((op) => op.responses[status]).filter(Boolean);
      expect(refs.length, `some operation answers ${status}`).toBeGreaterThan(0);
      for (const ref of refs) {
        const response = doc.components.responses[ref.$ref.split("/").at(-1)];
        expect(response.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Error" });
      }
    }
    expect(doc.components.schemas.Error.properties.error.properties.code.enum).toContain("validation_failed");
    expect(Object.keys(doc.webhooks).sort()).toEqual([
      "batch.completed",
      "batch.progress",
      "call.analyzed",
      "call.created",
      "call.ended",
      "call.message",
      "call.status_changed",
      "webhook.test",
    ]);
    expect(doc.paths["/api/v1/calls"].post.parameters).toContainEqual(
      expect.objectContaining({ name: "Idempotency-Key", in: "header" }),
    );
    expect(doc.paths["/api/v1/events"].get.responses[200].content).toHaveProperty(["text/event-stream"]);
  });

  it("shows the reference's Create Call body (docs/reference/) as its example, valid against its own schema", () => {
    const body = doc.paths["/api/v1/calls"].post.requestBody.content["application/json"];
    const reference = JSON.parse(readFileSync(path.join(ROOT, "docs", "reference", "create-call.request.json"), "utf8"));
    expect(body.example).toEqual(reference);
    const validate = ajv.getSchema(`${DOC_ID}${body.schema.$ref}`);
    expect(validate?.(body.example), ajv.errorsText(validate?.errors)).toBe(true);
  });
});

describe("real answers conform to the document", () => {
  it("calls: create, read, list, update, the live stream and the recording", async () => {
    const created = await newCall();
    expectConforms(created, "post", "/api/v1/calls");
    const id = created.body.id as string;
    expectConforms(await api("GET", `/api/v1/calls/${id}`), "get", "/api/v1/calls/{id}");
    const list = await api("GET", "/api/v1/calls?limit=5");
    expect(Array.isArray(list.body)).toBe(true);
    expectConforms(list, "get", "/api/v1/calls");
    const final = await waitForTerminal(id);
    const updated = await api("PUT", `/api/v1/calls/${id}`, { note: "Checked against the OpenAPI document" });
    expectConforms(updated, "put", "/api/v1/calls/{id}");

    // An ended call's stream sends the whole call and closes.
    const sse = await api("GET", `/api/v1/calls/${id}/events`);
    expect(sse.headers.get("content-type")).toMatch(/^text\/event-stream/);
    responseSchemaRef("get", "/api/v1/calls/{id}/events", 200, "text/event-stream");
    const data = /event: call\n(?:id: .*\n)?data: (.*)\n/.exec(String(sse.body))?.[1];
    const validateCall = ajv.getSchema(`${DOC_ID}#/components/schemas/Call`);
    expect(validateCall?.(JSON.parse(data ?? "null")), ajv.errorsText(validateCall?.errors)).toBe(true);
    // Not a vacuous check: an answer with a field the document does not name would fail.
    expect(validateCall?.({ ...JSON.parse(data ?? "{}"), undocumented: true })).toBe(false);

    const recording = await fetch(final.recordingUrl);
    expect(recording.status).toBe(200);
    responseSchemaRef("get", "/api/v1/calls/{id}/recording", 200, recording.headers.get("content-type") ?? "");
  });

  it("errors: 404, 422 and 409 envelopes", async () => {
    const missing = await api("GET", "/api/v1/calls/123e4567-e89b-12d3-a456-426614174999");
    expect(missing.status).toBe(404);
    expectConforms(missing, "get", "/api/v1/calls/{id}");
    const invalid = await api("POST", "/api/v1/calls", { agentId: AGENT_ID, skillId: SKILL_ID, channel: "sms" });
    expect(invalid.status).toBe(422);
    expectConforms(invalid, "post", "/api/v1/calls");
    const { body } = await newCall();
    const illegal = await api("PUT", `/api/v1/calls/${body.id}`, { status: "resolved" });
    expect(illegal.status).toBe(409);
    expectConforms(illegal, "put", "/api/v1/calls/{id}");
    const noAuth = await fetch(`${baseUrl()}/api/v1/agents`);
    expectConforms({ status: noAuth.status, headers: noAuth.headers, body: await noAuth.json() }, "get", "/api/v1/agents");
  });

  it("agents, skills, customers, stats, health", async () => {
    expectConforms(await api("GET", "/api/v1/agents"), "get", "/api/v1/agents");
    expectConforms(await api("GET", `/api/v1/agents/${AGENT_ID}`), "get", "/api/v1/agents/{id}");
    expectConforms(await api("GET", "/api/v1/skills"), "get", "/api/v1/skills");
    const skill = await api("POST", "/api/v1/skills", { name: "OpenAPI checks" });
    expectConforms(skill, "post", "/api/v1/skills");
    expectConforms(await api("DELETE", `/api/v1/skills/${skill.body.id}`), "delete", "/api/v1/skills/{id}");
    const customers = await api("GET", "/api/v1/customers");
    expect(customers.body.length).toBeGreaterThan(0);
    expectConforms(customers, "get", "/api/v1/customers");
    expectConforms(await api("GET", `/api/v1/customers/${customers.body[0].id}`), "get", "/api/v1/customers/{id}");
    expectConforms(await api("GET", "/api/v1/stats?tz=-120"), "get", "/api/v1/stats");
    expectConforms(await api("GET", "/api/health"), "get", "/api/health");
    expectConforms(await api("GET", "/api/ping"), "get", "/api/ping");
  });

  it("session, API keys and staff (dashboard session)", async () => {
    const signIn = await api("POST", "/api/v1/session", TEST_ADMIN, { origin: baseUrl(), authorization: "" });
    expectConforms(signIn, "post", "/api/v1/session");
    const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0];
    const asStaff = { cookie, authorization: "", origin: baseUrl() };
    expectConforms(await api("GET", "/api/v1/session", undefined, asStaff), "get", "/api/v1/session");
    const key = await api("POST", "/api/v1/api-keys", { name: "OpenAPI test" }, asStaff);
    expectConforms(key, "post", "/api/v1/api-keys");
    expectConforms(await api("GET", "/api/v1/api-keys", undefined, asStaff), "get", "/api/v1/api-keys");
    expectConforms(await api("DELETE", `/api/v1/api-keys/${key.body.id}`, undefined, asStaff), "delete", "/api/v1/api-keys/{id}");
    expectConforms(await api("GET", "/api/v1/users", undefined, asStaff), "get", "/api/v1/users");
    expectConforms(await api("GET", "/api/v1/api-keys"), "get", "/api/v1/api-keys"); // Basic: 403

    const person = { email: `openapi-${Date.now()}@callboard.test`, password: "openapi-password-1" };
    const user = await api("POST", "/api/v1/users", { ...person, name: "Open Api", role: "staff" }, asStaff);
    const reset = await api("PUT", `/api/v1/users/${user.body.id}/password`, { password: "openapi-password-2" }, asStaff);
    expectConforms(reset, "put", "/api/v1/users/{id}/password");
    const theirs = await api("POST", "/api/v1/session", { ...person, password: "openapi-password-2" }, { origin: baseUrl() });
    const asThem = { cookie: (theirs.headers.get("set-cookie") ?? "").split(";")[0], authorization: "", origin: baseUrl() };
    const body = { currentPassword: "wrong-password", newPassword: "openapi-password-3" };
    expectConforms(await api("PUT", "/api/v1/session/password", body, asThem), "put", "/api/v1/session/password");
    const changed = await api("PUT", "/api/v1/session/password", { ...body, currentPassword: "openapi-password-2" }, asThem);
    expect(changed.status).toBe(200);
    expectConforms(changed, "put", "/api/v1/session/password");
  });
});

describe("webhooks conform to the document", () => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const received = () => (receiver?.received ?? []).map((r) => ({ type: r.json.type, body: r.json as unknown }));
  let webhookId = "";
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    if (webhookId) await api("DELETE", `/api/v1/webhooks/${webhookId}`);
    await receiver.close();
  });

  it("create, list, deliveries, test; every delivered payload matches its webhooks entry", async () => {
    const created = await api("POST", "/api/v1/webhooks", { url: receiver.url });
    expectConforms(created, "post", "/api/v1/webhooks");
    webhookId = created.body.id;
    expectConforms(await api("GET", "/api/v1/webhooks"), "get", "/api/v1/webhooks");
    expectConforms(await api("GET", `/api/v1/webhooks/${webhookId}`), "get", "/api/v1/webhooks/{id}");
    expectConforms(await api("POST", `/api/v1/webhooks/${webhookId}/test`), "post", "/api/v1/webhooks/{id}/test");
    const { body } = await newCall();
    await waitForTerminal(body.id);
    await expect
      .poll(() => new Set(received().map((r) => r.type)), { timeout: 20_000 })
      .toEqual(new Set(["webhook.test", "call.created", "call.status_changed", "call.message", "call.ended", "call.analyzed"]));
    for (const r of received()) {
      const validate = ajv.getSchema(
        `${DOC_ID}#/webhooks/${pointerToken(r.type)}/post/requestBody/content/application~1json/schema`,
      );
      expect(validate?.(r.body), `${r.type}: ${ajv.errorsText(validate?.errors)}`).toBe(true);
    }
    expectConforms(await api("GET", `/api/v1/webhooks/${webhookId}/deliveries`), "get", "/api/v1/webhooks/{id}/deliveries");
  });
});
