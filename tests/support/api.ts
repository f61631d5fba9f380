// A tiny HTTP client for the API tests: Basic auth, JSON, and helpers to wait for an interaction.
import { inject } from "vitest";
import { isTerminal } from "@/server/calls/status";
import { newDatabase, prepareDatabase, type RunningApp, startApp, TEST_CREDENTIALS } from "./app";

export const baseUrl = () => inject("baseUrl");
export const dialect = () => inject("dialect");

export const basicAuth = (u = TEST_CREDENTIALS.username, p = TEST_CREDENTIALS.password) =>
  `Basic ${Buffer.from(`${u}:${p}`).toString("base64")}`;

/** Response bodies are read field by field in assertions, so they are typed loosely on purpose. */
type JsonBody = Record<string, any>;

/**
 * fetch, sent again once when a kept-alive connection turns out to be closed already ("other side
 * closed"): the server drops connections idle for 5 s, and a test that keeps the event loop busy longer
 * (validating the OpenAPI document) may not have noticed before reusing one. The request never
 * reached the server then, so sending it again is safe.
 */
export async function fetchOnce(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code !== "UND_ERR_SOCKET") throw error;
    return fetch(url, init);
  }
}

export async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, root = baseUrl()) {
  const res = await fetchOnce(`${root}${path}`, {
    method,
    headers: {
      authorization: basicAuth(),
      ...(body !== undefined && { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, body: json as JsonBody };
}

/** Signs in to the dashboard: the session cookie to send back ("cb_session=…") and the account's id. */
export async function signIn(email: string, password: string, root = baseUrl()) {
  const res = await fetch(`${root}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: root },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as JsonBody;
  return { status: res.status, jar: (res.headers.get("set-cookie") ?? "").split(";")[0], id: body.id as string };
}

/** Headers for cookie auth (no Basic), with this app's Origin so writes pass the CSRF check. */
export const asSession = (jar: string, root = baseUrl()) => ({ authorization: "", cookie: jar, origin: root });

/** Polls GET /calls/{id} until the interaction is terminal. */
export async function waitForTerminal(id: string, timeoutMs = 30_000, root = baseUrl()) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await api("GET", `/api/v1/calls/${id}`, undefined, {}, root);
    if (res.status === 200 && isTerminal(res.body.status)) return res.body;
    if (Date.now() > deadline) throw new Error(`call ${id} still ${res.body?.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const AGENT_ID = "123e4567-e89b-12d3-a456-426614174000";
export const SKILL_ID = "123e4567-e89b-12d3-a456-426614174000";
export const INACTIVE_AGENT_ID = "3f4e5d6c-7b8a-4c9d-ae0f-1a2b3c4d5e69";

/** Runs `fn` against an app of its own (a new database, `env` on top of the test defaults), then stops it. */
export async function withApp<T>(env: Record<string, string>, fn: (app: RunningApp) => Promise<T>): Promise<T> {
  const db = await newDatabase(dialect());
  prepareDatabase(db.url);
  const app = await startApp(db.url, env);
  try {
    return await fn(app);
  } finally {
    await app.stop();
    await db.drop();
  }
}
