// Security headers on every page and API answer, errors included: a Content-Security-Policy (pages:
// nonce-based scripts; API: nothing at all), no framing by other sites (except the customer's chat
// pages, by the sites WEBCHAT_ALLOWED_ORIGINS names), nosniff, a Referrer-Policy, and HSTS when
// Callboard is served over https. The chat pages and the widget's script open without a session. Also the small holes: a malformed session cookie is no
// session (not a 500), and sign-in never sends anyone to another site.
import { describe, expect, inject, it } from "vitest";
import { startApp, TEST_ADMIN } from "../support/app";
import { api, baseUrl } from "../support/api";

function expectCommonHeaders(headers: Headers) {
  expect(headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  expect(headers.get("x-frame-options")).toBe("DENY");
  expect(headers.get("x-content-type-options")).toBe("nosniff");
  expect(headers.get("referrer-policy")).toBe("same-origin");
}

async function signedInJar() {
  const res = await fetch(`${baseUrl()}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl() },
    body: JSON.stringify(TEST_ADMIN),
  });
  expect(res.status).toBe(200);
  return (res.headers.get("set-cookie") ?? "").split(";")[0];
}

describe("security headers", () => {
  it("a page gets a nonce-based script policy, and its scripts carry that nonce", async () => {
    const res = await fetch(`${baseUrl()}/sign-in`);
    expect(res.status).toBe(200);
    expectCommonHeaders(res.headers);
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'(;|$)/.exec(csp)?.[1];
    expect(nonce, csp).toBeTruthy();
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce for every page view.
    const again = await fetch(`${baseUrl()}/sign-in`);
    expect(again.headers.get("content-security-policy")).not.toBe(csp);
    expect(res.headers.get("strict-transport-security")).toBeNull(); // PUBLIC_URL is http here
  });

  it("a signed-in page, and the redirect of a signed-out one, get them too", async () => {
    const jar = await signedInJar();
    const page = await fetch(`${baseUrl()}/calls`, { headers: { cookie: jar } });
    expect(page.status).toBe(200);
    expectCommonHeaders(page.headers);
    const redirect = await fetch(`${baseUrl()}/calls`, { redirect: "manual" });
    expect(redirect.status).toBe(307);
    expectCommonHeaders(redirect.headers);
  });

  it("API answers, errors included, get a policy that allows nothing", async () => {
    const answers = await Promise.all([
      api("GET", "/api/v1/agents"),
      api("GET", "/api/v1/calls", undefined, { authorization: "" }),
      api("POST", "/api/v1/skills", "{", { "content-type": "application/json" }),
      api("GET", "/api/v1/no-such-endpoint"),
      api("GET", "/api/%E0%A4%A"), // answered by proxy.ts itself
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 401, 400, 404, 400]);
    for (const { headers } of answers) {
      expectCommonHeaders(headers);
      expect(headers.get("content-security-policy")).toMatch(/^default-src 'none';/);
    }
  });

  it("sends HSTS when PUBLIC_URL is https, and lets only the allowed sites frame the chat", async () => {
    // Only reads: a second instance on the suite's database will do.
    const app = await startApp(inject("databaseUrl"), {
      PUBLIC_URL: "https://callboard.example.com",
      WORKER_ENABLED: "false",
      WEBCHAT_ALLOWED_ORIGINS: "https://shop.example https://*.shop.example not-an-origin;",
    });
    try {
      for (const path of ["/sign-in", "/api/v1/openapi.json", "/api/v1/calls"]) {
        const res = await fetch(`${app.url}${path}`);
        expect(res.headers.get("strict-transport-security"), path).toMatch(/^max-age=31536000; includeSubDomains$/);
        expectCommonHeaders(res.headers);
      }
      const chat = await fetch(`${app.url}/chat/some-token`);
      expect(chat.headers.get("content-security-policy")).toMatch(
        /frame-ancestors https:\/\/shop\.example https:\/\/\*\.shop\.example(;|$)/,
      );
      expect(chat.headers.get("x-frame-options")).toBeNull();
    } finally {
      await app.stop();
    }
  });
});

describe("the customer's chat pages", () => {
  it("open without a session and may be framed by other sites; the dashboard still may not", async () => {
    for (const path of ["/chat/not-a-real-token", "/chat/widget?agentId=a&skillId=b"]) {
      const res = await fetch(`${baseUrl()}${path}`, { redirect: "manual" });
      expect(res.status, path).toBe(200);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toMatch(/frame-ancestors \*(;|$)/); // WEBCHAT_ALLOWED_ORIGINS defaults to any site
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(res.headers.get("x-frame-options"), path).toBeNull();
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("same-origin");
      const html = await res.text();
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
    }
    const dashboard = await fetch(`${baseUrl()}/calls`, { redirect: "manual" });
    expect(dashboard.status).toBe(307);
    expectCommonHeaders(dashboard.headers);
  });

  it("serve the widget's script to any site, as JavaScript with a short cache", async () => {
    const res = await fetch(`${baseUrl()}/widget.js`, { redirect: "manual" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^(text|application)\/javascript/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(await res.text()).toContain("Callboard");
  });
});

describe("a malformed session cookie", () => {
  const bad = "cb_session=%E0%A4%A";

  it("is no session on the API: 401, not 500", async () => {
    const integrator = await api("GET", "/api/v1/calls", undefined, { authorization: "", cookie: bad });
    expect(integrator.status).toBe(401);
    expect(integrator.body.error.code).toBe("unauthorized");
    const dashboard = await api("GET", "/api/v1/session", undefined, {
      authorization: "",
      cookie: bad,
      "x-callboard-client": "dashboard",
    });
    expect(dashboard.status).toBe(401);
    const signOut = await fetch(`${baseUrl()}/api/v1/session`, { method: "DELETE", headers: { cookie: bad, origin: baseUrl() } });
    expect(signOut.status).toBe(204);
  });

  it("is no session in the browser: the sign-in page", async () => {
    const page = await fetch(`${baseUrl()}/calls/new`, { redirect: "manual", headers: { cookie: bad } });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toMatch(/\/sign-in\?next=%2Fcalls%2Fnew$/);
    const signIn = await fetch(`${baseUrl()}/sign-in?next=%2Fcalls%2Fnew`, { headers: { cookie: bad } });
    expect(signIn.status).toBe(200);
    expect(await signIn.text()).toContain("Sign in to Callboard");
  });
});

describe("the way back after sign-in", () => {
  it("sends a signed-in visitor only to pages of this site", async () => {
    const jar = await signedInJar();
    // As typed in the address bar: the page sees "/\t/evil.example", which a browser reads as "//evil.example".
    const cases: Array<[string, string]> = [
      ["next=%2Fcalls%3Fstatus%3Dcompleted", "/calls?status=completed"],
      ["next=/%09/evil.example", "/"],
      ["next=/%0A/evil.example", "/"],
      ["next=/%5Cevil.example", "/"],
      ["next=//evil.example", "/"],
      ["next=https://evil.example/", "/"],
    ];
    for (const [query, expected] of cases) {
      const res = await fetch(`${baseUrl()}/sign-in?${query}`, { redirect: "manual", headers: { cookie: jar } });
      expect(res.status, query).toBe(307);
      expect(res.headers.get("location"), query).toBe(expected);
    }
  });
});
