// Agent actions over the API: CRUD under an agent, the schema's messages, unique names and the cap per
// agent, unknown agents and actions, the SSRF rule on the URL, and who may read the signing secret.
import { inject, describe, expect, it } from "vitest";
import { z } from "zod";
import { actionSchema, actionSecretSchema, MAX_ACTIONS_PER_AGENT } from "@/server/actions/schema";
import { TEST_ADMIN } from "../support/app";
import { api, asSession, signIn } from "../support/api";
import { startApp } from "../support/app";

const MISSING = "00000000-0000-4000-8000-000000000000";
const URL_OK = "https://crm.example.com/callboard/check-order";

let counter = 0;
/** A new agent of the test's own, so no test sees another's actions. */
async function newAgent() {
  const res = await api("POST", "/api/v1/agents", { name: `Action Agent ${Date.now()}-${++counter}` });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const actionsOf = (agentId: string) => `/api/v1/agents/${agentId}/actions`;

async function createAction(agentId: string, body: Record<string, unknown>) {
  return api("POST", actionsOf(agentId), { url: URL_OK, ...body });
}

async function adminSession() {
  const session = await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  expect(session.status).toBe(200);
  return asSession(session.jar);
}

describe("agent actions", () => {
  it("creates, reads, lists, changes and deletes an agent's actions", async () => {
    const agentId = await newAgent();
    const parameters = {
      type: "object",
      properties: { orderId: { type: "string", description: "The order number" } },
      required: ["orderId"],
    };
    const created = await createAction(agentId, { name: "check_order", description: "Looks up an order.", parameters });
    expect(created.status).toBe(201);
    const action = actionSchema.parse(created.body);
    expect(action).toMatchObject({ agentId, name: "check_order", parameters, url: URL_OK, timeoutMs: 10_000, enabled: true });

    const minimal = await createAction(agentId, { name: "book-slot" });
    expect(minimal.body).toMatchObject({ description: "", parameters: { type: "object", properties: {} } });

    const list = await api("GET", actionsOf(agentId));
    expect(list.status).toBe(200);
    expect(
      z
        .array(actionSchema)
        .parse(list.body)
        .map((a) => a.name),
    ).toEqual(["book-slot", "check_order"]);
    expect(list.headers.get("x-total-count")).toBe("2");

    expect((await api("GET", `${actionsOf(agentId)}/${action.id}`)).body).toEqual(created.body);

    const changed = await api("PUT", `${actionsOf(agentId)}/${action.id}`, { enabled: false, timeoutMs: 2500 });
    expect(changed.status).toBe(200);
    expect(actionSchema.parse(changed.body)).toMatchObject({ enabled: false, timeoutMs: 2500, name: "check_order", parameters });

    expect((await api("DELETE", `${actionsOf(agentId)}/${action.id}`)).status).toBe(204);
    const gone = await api("GET", `${actionsOf(agentId)}/${action.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error).toMatchObject({ code: "not_found", message: "Action was not found." });
    expect((await api("DELETE", `${actionsOf(agentId)}/${action.id}`)).status).toBe(404);
    expect((await api("GET", actionsOf(agentId))).body).toHaveLength(1);
  });

  it("explains what is wrong with an action, field by field", async () => {
    const agentId = await newAgent();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ name: "2fast" }, "name", /start with a letter/],
      [{ name: "transfer_to_human" }, "name", /built-in tool/],
      [{ name: "a", parameters: { type: "string" } }, "parameters.type", /"type": "object"/],
      [
        { name: "a", parameters: { type: "object", properties: { id: 5 } } },
        "parameters.properties.id",
        /"id" must be a JSON schema/,
      ],
      [{ name: "a", parameters: { type: "object", required: ["id"] } }, "parameters.required.0", /not one of properties/],
      [{ name: "a", url: "ftp://example.com/x" }, "url", /http\(s\) URL/],
      [{ name: "a", timeoutMs: 100 }, "timeoutMs", /between 500 and 30000/],
      [{ name: "a", description: "x".repeat(1001) }, "description", /at most 1000/],
      [{ name: "a", method: "GET" }, "method", /Unknown field/],
    ];
    for (const [body, path, message] of cases) {
      const res = await createAction(agentId, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe("validation_failed");
      expect(res.body.error.details[0].path, JSON.stringify(body)).toBe(path);
      expect(res.body.error.details[0].message).toMatch(message);
    }
    const missingName = await api("POST", actionsOf(agentId), { url: URL_OK });
    expect(missingName.body.error.details[0].path).toBe("name");

    const action = await createAction(agentId, { name: "ok" });
    const empty = await api("PUT", `${actionsOf(agentId)}/${action.body.id}`, {});
    expect(empty.status).toBe(422);
    expect(empty.body.error.message).toContain("Send at least one field to change.");
    expect((await api("GET", actionsOf(agentId))).body).toHaveLength(1);
  });

  it("keeps names unique per agent (409), on create and on rename", async () => {
    const agentId = await newAgent();
    const first = await createAction(agentId, { name: "check_order" });
    const second = await createAction(agentId, { name: "refund" });
    const again = await createAction(agentId, { name: "check_order" });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "conflict", details: [{ path: "name" }] });
    expect(again.body.error.message).toContain("already has an action named check_order");

    const rename = await api("PUT", `${actionsOf(agentId)}/${second.body.id}`, { name: "check_order" });
    expect(rename.status).toBe(409);
    // Saving an action under its own name is no conflict; another agent may use the name too.
    expect((await api("PUT", `${actionsOf(agentId)}/${first.body.id}`, { name: "check_order" })).status).toBe(200);
    expect((await createAction(await newAgent(), { name: "check_order" })).status).toBe(201);
  });

  it(`allows at most ${MAX_ACTIONS_PER_AGENT} actions per agent`, async () => {
    const agentId = await newAgent();
    for (let i = 0; i < MAX_ACTIONS_PER_AGENT; i++) {
      expect((await createAction(agentId, { name: `action_${i}` })).status).toBe(201);
    }
    const over = await createAction(agentId, { name: "one_more" });
    expect(over.status).toBe(409);
    expect(over.body.error.message).toBe(
      `This agent already has ${MAX_ACTIONS_PER_AGENT} actions, the most an agent may have. Delete one it no longer needs first.`,
    );
  });

  it("answers 404 for an unknown agent, and for another agent's action", async () => {
    for (const [method, path] of [
      ["GET", actionsOf(MISSING)],
      ["POST", actionsOf(MISSING)],
      ["GET", `${actionsOf(MISSING)}/${MISSING}`],
    ]) {
      const res = await api(method, path, method === "POST" ? { name: "a", url: URL_OK } : undefined);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.message).toBe("Agent was not found.");
    }
    const mine = await createAction(await newAgent(), { name: "mine" });
    const other = await newAgent();
    expect((await api("GET", `${actionsOf(other)}/${mine.body.id}`)).status).toBe(404);
    expect((await api("PUT", `${actionsOf(other)}/${mine.body.id}`, { enabled: false })).status).toBe(404);
    expect((await api("DELETE", `${actionsOf(other)}/${mine.body.id}`)).status).toBe(404);
    const badId = await api("GET", `${actionsOf(other)}/not-a-uuid`);
    expect(badId.status).toBe(422);
    expect(badId.body.error.details[0].path).toBe("actionId");
  });

  it("needs credentials, and shows the signing secret only to a signed-in admin", async () => {
    const agentId = await newAgent();
    expect((await api("GET", actionsOf(agentId), undefined, { authorization: "" })).status).toBe(401);
    const secretPath = `/api/v1/agents/${agentId}/actions-secret`;
    expect((await api("GET", secretPath, undefined, { authorization: "" })).status).toBe(401);
    // The API credential manages actions but cannot read the secret.
    const basic = await api("GET", secretPath);
    expect(basic.status).toBe(403);
    expect(basic.body.error.code).toBe("forbidden");

    const admin = await adminSession();
    const shown = await api("GET", secretPath, undefined, admin);
    expect(shown.status).toBe(200);
    expect(shown.headers.get("cache-control")).toBe("no-store");
    const { secret } = actionSecretSchema.parse(shown.body);
    expect((await api("GET", secretPath, undefined, admin)).body.secret).toBe(secret);
    expect((await api("GET", `/api/v1/agents/${await newAgent()}/actions-secret`, undefined, admin)).body.secret).not.toBe(
      secret,
    );
    expect((await api("GET", `/api/v1/agents/${MISSING}/actions-secret`, undefined, admin)).status).toBe(404);

    // A staff session works for the actions themselves, and the secret is in none of their answers.
    const created = await api("POST", actionsOf(agentId), { name: "from_dashboard", url: URL_OK }, admin);
    expect(created.status).toBe(201);
    expect(JSON.stringify((await api("GET", actionsOf(agentId), undefined, admin)).body)).not.toContain(secret.slice(6));
  });

  it("refuses private, loopback and metadata URLs unless WEBHOOK_ALLOW_PRIVATE_URLS is set", async () => {
    const agentId = await newAgent();
    const existing = await createAction(agentId, { name: "existing" });
    // A second instance on the same database with the flag off (and no worker: it only answers requests).
    const app = await startApp(inject("databaseUrl"), { WEBHOOK_ALLOW_PRIVATE_URLS: "false", WORKER_ENABLED: "false" });
    try {
      const cases: [string, RegExp][] = [
        ["http://127.0.0.1:8080/actions", /The action URL's host 127\.0\.0\.1 is a loopback address\. Actions may only/],
        ["http://localhost/actions", /localhost .* is a loopback address/],
        ["http://169.254.169.254/latest/meta-data", /cloud metadata address/],
        ["http://10.0.0.5/actions", /private address/],
      ];
      for (const [url, message] of cases) {
        const res = await api("POST", actionsOf(agentId), { name: "private", url }, {}, app.url);
        expect(res.status, url).toBe(422);
        expect(res.body.error.details[0].path).toBe("url");
        expect(res.body.error.message, url).toMatch(message);
      }
      const put = await api("PUT", `${actionsOf(agentId)}/${existing.body.id}`, { url: "http://127.0.0.1:1/x" }, {}, app.url);
      expect(put.status).toBe(422);
      expect((await api("POST", actionsOf(agentId), { name: "public", url: "https://8.8.8.8/x" }, {}, app.url)).status).toBe(201);
    } finally {
      await app.stop();
    }
  });
});
