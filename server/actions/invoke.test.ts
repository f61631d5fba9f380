// invokeAction against a real HTTP server on loopback: the request verifies with the reference
// Standard Webhooks library, and timeouts, error statuses, redirects, large answers and the SSRF rule
// come back as sentences for the model.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { invokeAction } from "./invoke";
import { agentActionSecret } from "./secret";

const AGENT_ID = "123e4567-e89b-12d3-a456-426614174000";
const context = { interactionId: "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a", agentId: AGENT_ID };

type Received = { headers: IncomingMessage["headers"]; body: string };
let received: Received[] = [];
let answer: (res: ServerResponse) => void = (res) => res.end();
let server: Server;
let base: string;
const saved = { private: env.WEBHOOK_ALLOW_PRIVATE_URLS, secret: env.APP_SECRET };

beforeAll(async () => {
  // A fixed app secret keeps the test off the database; loopback is allowed except where a test says not.
  env.APP_SECRET = "unit-test-app-secret-0123456789";
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      answer(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  received = [];
  env.WEBHOOK_ALLOW_PRIVATE_URLS = true;
});

afterAll(async () => {
  env.WEBHOOK_ALLOW_PRIVATE_URLS = saved.private;
  env.APP_SECRET = saved.secret;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const action = (path = "/check-order", timeoutMs = 2000) => ({ name: "check_order", url: `${base}${path}`, timeoutMs });

describe("invokeAction", () => {
  beforeAll(() => {
    env.WEBHOOK_ALLOW_PRIVATE_URLS = true;
  });

  it("POSTs the arguments as signed JSON and hands back the answer's body", async () => {
    answer = (res) => res.writeHead(200, { "content-type": "application/json" }).end('{"status":"shipped"}');
    const outcome = await invokeAction(action(), { orderId: "A-1001" }, context);
    expect(outcome).toEqual({ ok: true, status: 200, result: '{"status":"shipped"}' });

    const [request] = received;
    expect(JSON.parse(request.body)).toEqual({ action: "check_order", arguments: { orderId: "A-1001" }, ...context });
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["user-agent"]).toBe("Callboard-Actions/1.0");
    const headers = request.headers as Record<string, string>;
    const wrongKey = `whsec_${Buffer.alloc(32).toString("base64")}`;
    expect(() => new Webhook(wrongKey).verify(request.body, headers)).toThrow();
    expect(new Webhook(await agentActionSecret(AGENT_ID)).verify(request.body, headers)).toEqual(JSON.parse(request.body));
  });

  it("signs each agent's requests with its own secret", async () => {
    const other = await agentActionSecret("3f4e5d6c-7b8a-4c9d-ae0f-1a2b3c4d5e69");
    const mine = await agentActionSecret(AGENT_ID);
    expect(mine).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(mine).toBe(await agentActionSecret(AGENT_ID));
    expect(other).not.toBe(mine);
  });

  it("cuts a large answer at 16 KB", async () => {
    answer = (res) => res.writeHead(200).end("x".repeat(100_000));
    const outcome = await invokeAction(action(), {}, context);
    expect(outcome.ok && outcome.result.length).toBe(16 * 1024);
  });

  it("reports an error status with the start of its body", async () => {
    answer = (res) => res.writeHead(500).end("Order service unavailable");
    expect(await invokeAction(action(), {}, context)).toEqual({ ok: false, error: "HTTP 500: Order service unavailable" });
  });

  it("does not follow a redirect", async () => {
    answer = (res) => res.writeHead(302, { location: "http://169.254.169.254/latest" }).end();
    const outcome = await invokeAction(action(), {}, context);
    expect(outcome).toEqual({ ok: false, error: "Redirects are not followed (HTTP 302 to http://169.254.169.254/latest)." });
    expect(received).toHaveLength(1);
  });

  it("gives up at the action's timeout", async () => {
    answer = () => {}; // never answers
    const started = Date.now();
    expect(await invokeAction(action("/slow", 500), {}, context)).toEqual({
      ok: false,
      error: "The action did not answer within 500 ms.",
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("refuses loopback addresses unless private URLs are allowed, before anything is sent", async () => {
    env.WEBHOOK_ALLOW_PRIVATE_URLS = false;
    expect(await invokeAction(action(), {}, context)).toEqual({
      ok: false,
      error: "The action URL's host 127.0.0.1 is a loopback address. Actions may only call public addresses.",
    });
    const byName = { ...action(), url: action().url.replace("127.0.0.1", "localhost") };
    const outcome = await invokeAction(byName, {}, context);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error).toMatch(/^The action URL's host localhost \((127\.0\.0\.1|::1)\) is a loopback address/);
    expect(received).toHaveLength(0);
  });
});
