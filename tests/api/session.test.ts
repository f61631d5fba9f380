// Staff sessions on the API: sign-in sets an httpOnly SameSite cookie, the cookie authenticates
// /api/v1, cookie writes from another origin are refused (CSRF), failures are throttled, and sign-out
// ends the session. Dashboard pages redirect a signed-out visitor to the sign-in page.
import { type IncomingHttpHeaders, request } from "node:http";
import { describe, expect, it } from "vitest";
import { TEST_ADMIN } from "../support/app";
import { api, baseUrl } from "../support/api";

async function signIn(email = TEST_ADMIN.email, password = TEST_ADMIN.password, origin = baseUrl()) {
  const res = await fetch(`${baseUrl()}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password }),
  });
  const cookie = res.headers.get("set-cookie") ?? "";
  return { res, cookie, jar: cookie.split(";")[0] };
}

const asStaff = (jar: string, extra: Record<string, string> = {}) => ({ authorization: "", cookie: jar, ...extra });

/** Signs in over a connection from `localAddress` (any 127.x address reaches the app on loopback). */
function signInFrom(localAddress: string, email: string, password: string, headers: Record<string, string> = {}) {
  const body = JSON.stringify({ email, password });
  return new Promise<{ status: number; headers: IncomingHttpHeaders }>((resolve, reject) => {
    const req = request(
      `${baseUrl()}/api/v1/session`,
      { method: "POST", localAddress, headers: { "content-type": "application/json", origin: baseUrl(), ...headers } },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("staff sessions", () => {
  it("signs in with an httpOnly SameSite cookie that authenticates the API", async () => {
    const { res, cookie, jar } = await signIn();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ email: TEST_ADMIN.email, role: "admin" });
    expect(cookie).toMatch(/^cb_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const me = await api("GET", "/api/v1/session", undefined, asStaff(jar));
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(TEST_ADMIN.email);
    const list = await api("GET", "/api/v1/agents", undefined, asStaff(jar));
    expect(list.status).toBe(200);
    expect(Array.isArray(list.body)).toBe(true);
  });

  it("refuses cookie-authenticated writes from another origin, and accepts them from its own", async () => {
    const { jar } = await signIn();
    const body = { name: "CSRF probe skill" };
    const foreign = await api("POST", "/api/v1/skills", body, asStaff(jar, { origin: "https://evil.example" }));
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe("forbidden");
    const crossSite = await api("POST", "/api/v1/skills", body, asStaff(jar, { "sec-fetch-site": "cross-site" }));
    expect(crossSite.status).toBe(403);
    const own = await api("POST", "/api/v1/skills", body, asStaff(jar, { origin: baseUrl() }));
    expect(own.status).toBe(201);
    const skills = await api("GET", "/api/v1/skills?limit=100");
    expect(skills.body.filter((s: { name: string }) => s.name === body.name)).toHaveLength(1);
  });

  it("refuses a sign-in posted from another site", async () => {
    const { res, cookie } = await signIn(TEST_ADMIN.email, TEST_ADMIN.password, "https://evil.example");
    expect(res.status).toBe(403);
    expect(cookie).toBe("");
  });

  it("validates the sign-in body with field errors", async () => {
    const res = await api("POST", "/api/v1/session", { email: "not-an-email" }, { authorization: "", origin: baseUrl() });
    expect(res.status).toBe(422);
    const paths = res.body.error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(["email", "password"]);
  });

  it("throttles repeated failures for an account with 429 and Retry-After", async () => {
    const email = `throttle-${Date.now()}@callboard.test`;
    for (let i = 0; i < 5; i++) expect((await signIn(email, "wrong-password")).res.status).toBe(401);
    const blocked = await signIn(email, "wrong-password");
    expect(blocked.res.status).toBe(429);
    expect(Number(blocked.res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await blocked.res.json()).error.code).toBe("rate_limited");
    // Another account is not affected.
    expect((await signIn()).res.status).toBe(200);
  });

  it("without TRUST_PROXY, throttles by the connection's address and ignores a client's X-Forwarded-For", async () => {
    const email = `spoof-${Date.now()}@callboard.test`;
    // Each attempt claims another address; all come from 127.0.0.2, so the sixth is refused.
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) {
      const res = await signInFrom("127.0.0.2", email, "wrong-password", { "x-forwarded-for": `203.0.113.${i}` });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Another connection address is another client.
    expect((await signInFrom("127.0.0.3", email, "wrong-password")).status).toBe(401);
    // A client's X-Forwarded-Proto does not make a plain-http cookie Secure.
    const res = await signInFrom("127.0.0.3", TEST_ADMIN.email, TEST_ADMIN.password, { "x-forwarded-proto": "https" });
    expect(res.status).toBe(200);
    expect(String(res.headers["set-cookie"])).not.toMatch(/Secure/i);
  });

  it("sign-out ends the session", async () => {
    const { jar } = await signIn();
    const out = await fetch(`${baseUrl()}/api/v1/session`, { method: "DELETE", headers: { cookie: jar, origin: baseUrl() } });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    const after = await api("GET", "/api/v1/agents", undefined, asStaff(jar));
    expect(after.status).toBe(401);
  });

  it("answers the dashboard's own 401 without a Basic challenge, and integrators' with one", async () => {
    const dashboard = await api("GET", "/api/v1/calls", undefined, { authorization: "", "x-callboard-client": "dashboard" });
    expect(dashboard.status).toBe(401);
    expect(dashboard.headers.get("www-authenticate")).toBeNull();
    const integrator = await api("GET", "/api/v1/calls", undefined, { authorization: "" });
    expect(integrator.headers.get("www-authenticate")).toMatch(/^Basic/);
  });

  it("redirects a signed-out page visit to sign-in with the way back", async () => {
    const res = await fetch(`${baseUrl()}/calls?status=completed`, { redirect: "manual" });
    expect([302, 303, 307]).toContain(res.status);
    expect(res.headers.get("location")).toMatch(/\/sign-in\?next=%2Fcalls%3Fstatus%3Dcompleted$/);
    const stale = await fetch(`${baseUrl()}/calls`, { redirect: "manual", headers: { cookie: "cb_session=not-a-session" } });
    expect([302, 303, 307]).toContain(stale.status);
    expect(stale.headers.get("location")).toMatch(/\/sign-in\?next=%2Fcalls$/);
  });
});

describe("the dashboard's sign-out form", () => {
  async function signedInJar() {
    const res = await fetch(`${baseUrl()}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl() },
      body: JSON.stringify(TEST_ADMIN),
    });
    return (res.headers.get("set-cookie") ?? "").split(";")[0];
  }

  it("ends the session and returns to the sign-in page", async () => {
    const jar = await signedInJar();
    const res = await fetch(`${baseUrl()}/sign-out`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: jar, origin: baseUrl() },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/sign-in");
    expect(res.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect((await api("GET", "/api/v1/session", undefined, { authorization: "", cookie: jar })).status).toBe(401);
  });

  it("ignores a sign-out posted from another site", async () => {
    const jar = await signedInJar();
    const res = await fetch(`${baseUrl()}/sign-out`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: jar, origin: "https://evil.example" },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect((await api("GET", "/api/v1/session", undefined, { authorization: "", cookie: jar })).status).toBe(200);
  });
});
