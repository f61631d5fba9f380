// Walks every operation of the OpenAPI document:
// - every operation that is not public answers 401 (with the envelope) to a caller without
//   credentials, including one holding only a malformed session cookie;
// - no malformed cookie, header, percent-encoding, query string, path parameter or body makes any
//   operation answer a 5xx.
// It runs on an app of its own, so its hundreds of requests do not use up the shared credential's rate limit.
import { beforeAll, describe, expect, it } from "vitest";
import { errorEnvelopeSchema } from "@/lib/errors";
import { TEST_ADMIN } from "../support/app";
import { basicAuth, baseUrl, withApp } from "../support/api";
import { rawRequest } from "../support/raw-http";

/** `open`: callable without credentials (security [] or an empty alternative, `{}`, as sign-out has). */
type Operation = { method: string; path: string; open: boolean; sessionOnly: boolean };

const SOME_ID = "00000000-0000-4000-8000-000000000000";

async function operationsOf(baseUrl: string): Promise<Operation[]> {
  const doc = await (await fetch(`${baseUrl}/api/v1/openapi.json`)).json();
  type Security = Record<string, string[]>[];
  return Object.entries(doc.paths as Record<string, Record<string, { security?: Security }>>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => {
      // Without its own `security`, an operation takes the document's: Basic or a session.
      const security = op.security ?? [{ basicAuth: [] }];
      return {
        method: method.toUpperCase(),
        path,
        open: security.length === 0 || security.some((s) => Object.keys(s).length === 0),
        // Sign-out's `{}` alternative makes it open, not session-only: fuzzing it with the session would end it.
        sessionOnly: security.length > 0 && security.every((s) => "sessionCookie" in s),
      };
    }),
  );
}

const withParams = (path: string, value: string) => path.replace(/\{\w+\}/g, value);

const PATH_VALUES = [
  SOME_ID,
  "%E0%A4%A",
  "%",
  "%00",
  "..%2F..%2Fetc",
  "a%20b%0Ac",
  "x".repeat(3000),
  "%F0%9F%98%80",
  "-1",
  "null",
];

const QUERIES = [
  "?page=%FF",
  "?page=-1&limit=100000",
  "?limit=abc",
  "?q=%25&q=_",
  "?%",
  "?q=%E0%A4%A",
  "?status[]=completed",
  "?dateRange[from]=yesterday&dateRange[to]=%00",
  "?hrs=1e309",
  "?token=%E0%A4%A&download",
  `?q=${"a".repeat(5000)}`,
  "?lastEventId=%FF%FE",
];

const HEADER_SETS: Record<string, string>[] = [
  { Cookie: "cb_session=%E0%A4%A" },
  { Cookie: "cb_session=" },
  { Cookie: `cb_session=${"A".repeat(8000)}` },
  { Cookie: "cb_session; =; ;;=x" },
  { Authorization: "Basic !!!not-base64!!!" },
  { Authorization: `Basic ${Buffer.from("no-colon").toString("base64")}` },
  { Authorization: `Basic ${Buffer.from("\u00ff\u00fe:\u0000").toString("base64")}` },
  { Authorization: "Bearer x" },
  { Authorization: "Basic" },
  { "Last-Event-ID": "%E0%A4%A" },
  { "Idempotency-Key": "é".repeat(300) },
  { "Content-Type": "application/json; charset=%%" },
  { Origin: "null" },
  { "X-Forwarded-For": "not-an-ip, ::1, 999.1.1.1" },
  { "X-Forwarded-Proto": "gopher" },
  { Range: "bytes=999999999999-1" },
];

const BODIES = [
  "",
  "{",
  "[]",
  '"text"',
  "null",
  '{"__proto__":{"x":1}}',
  `{"a":${"[".repeat(5000)}${"]".repeat(5000)}}`,
  "\u00ff\u00fe",
];

let ops: Operation[] = [];

describe("every operation in the OpenAPI document", () => {
  beforeAll(async () => {
    ops = await operationsOf(baseUrl());
    expect(ops.length).toBeGreaterThan(30);
  });

  it("answers 401 with the envelope when called without credentials", async () => {
    const guarded = ops.filter((op) => !op.open);
    expect(guarded.length).toBeGreaterThan(25);
    for (const op of guarded) {
      const callers: Record<string, string>[] = [{}, { cookie: "cb_session=%E0%A4%A" }, { cookie: "cb_session=forged-token" }];
      for (const headers of callers) {
        const res = await fetch(`${baseUrl()}${withParams(op.path, SOME_ID)}`, {
          method: op.method,
          headers: { "content-type": "application/json", ...headers },
          body: op.method === "GET" || op.method === "DELETE" ? undefined : "{}",
        });
        expect(res.status, `${op.method} ${op.path} with ${JSON.stringify(headers)}`).toBe(401);
        expect(errorEnvelopeSchema.safeParse(await res.json()).success, `${op.method} ${op.path} envelope`).toBe(true);
      }
    }
  });

  it("never answers a 5xx to malformed paths, queries, headers and bodies", async () => {
    await withApp({}, async (app) => {
      const signIn = await fetch(`${app.url}/api/v1/session`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: app.url },
        body: JSON.stringify(TEST_ADMIN),
      });
      expect(signIn.status).toBe(200);
      const sessionCookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0];
      const failures: string[] = [];
      const tasks: (() => Promise<void>)[] = [];
      const check = async (op: Operation, target: string, headers: Record<string, string>, body = "") => {
        tasks.push(() => send(op, target, headers, body));
      };
      const send = async (op: Operation, target: string, headers: Record<string, string>, body: string) => {
        const answer = await rawRequest(app.url, op.method, target, headers, body);
        if (answer.status >= 500 || !answer.status)
          failures.push(`${op.method} ${target} ${JSON.stringify(headers)} → ${answer.status}`);
      };
      let sent = 0;
      for (const op of ops) {
        // Session-only operations (API keys, staff) get the admin's session, the rest Basic credentials.
        const credentials: Record<string, string>[] = op.sessionOnly
          ? [{ Cookie: sessionCookie, Origin: app.url }]
          : [{ Authorization: basicAuth() }];
        for (const auth of credentials) {
          const json = { ...auth, "Content-Type": "application/json" };
          for (const value of PATH_VALUES) await check(op, withParams(op.path, value), json, op.method === "GET" ? "" : "{}");
          for (const query of QUERIES) await check(op, `${withParams(op.path, SOME_ID)}${query}`, json);
          if (op.method === "POST" || op.method === "PUT") {
            for (const body of BODIES) await check(op, withParams(op.path, SOME_ID), json, body);
          }
          sent += PATH_VALUES.length + QUERIES.length;
        }
        for (const headers of HEADER_SETS) await check(op, withParams(op.path, SOME_ID), headers);
        sent += HEADER_SETS.length;
      }
      // A few at a time, like a real client population; each on its own connection.
      await Promise.all(
        Array.from({ length: 6 }, async () => {
          for (let task = tasks.shift(); task; task = tasks.shift()) await task();
        }),
      );
      expect(sent).toBeGreaterThan(1000);
      expect(failures).toEqual([]);
    });
  }, 300_000);
});
