// API keys and staff administration. Keys: a staff session creates one (its secret appears only in
// that response), the secret works with Basic, use shows as lastUsedAt, and revocation cuts it off
// within the verification cache's window. Users: admin-only, unique e-mails, validation, the
// self-protection rules, and removal ending the removed user's sessions.
import { describe, expect, it } from "vitest";
import { apiKeySchema, createdApiKeySchema } from "@/server/api-keys/schema";
import { staffUserSchema } from "@/server/staff/schema";
import { TEST_ADMIN } from "../support/app";
import { api, baseUrl, basicAuth } from "../support/api";

async function signIn(email = TEST_ADMIN.email, password = TEST_ADMIN.password) {
  const res = await fetch(`${baseUrl()}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl() },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  const me = (await res.json()) as { id: string };
  return { jar: (res.headers.get("set-cookie") ?? "").split(";")[0], id: me.id };
}

/** Cookie auth (no Basic), with our own Origin so writes pass the CSRF check. */
const asStaff = (jar: string) => ({ authorization: "", cookie: jar, origin: baseUrl() });

async function poll<T>(what: string, fn: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 8_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

describe("API keys", () => {
  it("creates a key whose secret is shown once, works with Basic, records use, and stops working once revoked", async () => {
    const { jar } = await signIn();
    const created = await api("POST", "/api/v1/api-keys", { name: "CRM sync" }, asStaff(jar));
    expect(created.status).toBe(201);
    const key = createdApiKeySchema.parse(created.body);
    expect(key).toMatchObject({ name: "CRM sync", lastUsedAt: null, revokedAt: null });
    expect(key.password.length).toBeGreaterThanOrEqual(32);
    expect(created.headers.get("cache-control")).toBe("no-store");

    const auth = { authorization: basicAuth(key.username, key.password) };
    expect((await api("GET", "/api/v1/calls", undefined, auth)).status).toBe(200);

    const listed = await poll(
      "lastUsedAt after use",
      async () => (await api("GET", "/api/v1/api-keys?limit=100", undefined, asStaff(jar))).body,
      (body) => body.find((k: { id: string }) => k.id === key.id)?.lastUsedAt !== null,
    );
    const entry = apiKeySchema.strict().parse(listed.find((k: { id: string }) => k.id === key.id));
    expect(entry.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(key.password);
    expect(JSON.stringify(listed)).not.toMatch(/"secretHash"|"password"/);

    const one = await api("GET", `/api/v1/api-keys/${key.id}`, undefined, asStaff(jar));
    expect(apiKeySchema.strict().parse(one.body).id).toBe(key.id);

    const revoked = await api("DELETE", `/api/v1/api-keys/${key.id}`, undefined, asStaff(jar));
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    await poll(
      "401 after revocation",
      async () => (await api("GET", "/api/v1/calls", undefined, auth)).status,
      (status) => status === 401,
      6_000,
    );
    // Revoking again is harmless, and the key stays listed as revoked.
    const again = await api("DELETE", `/api/v1/api-keys/${key.id}`, undefined, asStaff(jar));
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
  });

  it("is managed only by signed-in staff: API credentials cannot list or mint keys", async () => {
    const list = await api("GET", "/api/v1/api-keys");
    expect(list.status).toBe(403);
    expect(list.body.error.code).toBe("forbidden");
    const create = await api("POST", "/api/v1/api-keys", { name: "escalation" });
    expect(create.status).toBe(403);
    const anonymous = await api("GET", "/api/v1/api-keys", undefined, { authorization: "" });
    expect(anonymous.status).toBe(401);
  });

  it("validates the body and the id", async () => {
    const { jar } = await signIn();
    const empty = await api("POST", "/api/v1/api-keys", { name: "  " }, asStaff(jar));
    expect(empty.status).toBe(422);
    expect(empty.body.error.details[0].path).toBe("name");
    const extra = await api("POST", "/api/v1/api-keys", { name: "x", username: "chosen" }, asStaff(jar));
    expect(extra.status).toBe(422);
    expect(extra.body.error.details[0].path).toBe("username");
    const missing = await api("DELETE", "/api/v1/api-keys/123e4567-e89b-12d3-a456-000000000000", undefined, asStaff(jar));
    expect(missing.status).toBe(404);
    const badId = await api("DELETE", "/api/v1/api-keys/nope", undefined, asStaff(jar));
    expect(badId.status).toBe(422);
  });
});

describe("staff users", () => {
  it("lets an admin add staff; staff get 403; e-mails are unique", async () => {
    const admin = await signIn();
    const email = `staff-${unique()}@callboard.test`;
    const password = "staff-password-123";
    const created = await api("POST", "/api/v1/users", { email, name: "Sam Staff", role: "staff", password }, asStaff(admin.jar));
    expect(created.status).toBe(201);
    const user = staffUserSchema.strict().parse(created.body);
    expect(user).toMatchObject({ email, name: "Sam Staff", role: "staff", active: true });

    const list = await api("GET", "/api/v1/users", undefined, asStaff(admin.jar));
    expect(list.status).toBe(200);
    expect(list.body.map((u: { email: string }) => u.email)).toContain(email);
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|scrypt/);

    const staff = await signIn(email, password);
    const forbidden = await api("GET", "/api/v1/users", undefined, asStaff(staff.jar));
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe("forbidden");
    expect((await api("DELETE", `/api/v1/users/${admin.id}`, undefined, asStaff(staff.jar))).status).toBe(403);
    // Staff can still manage API keys: their own (none yet).
    const ownKeys = await api("GET", "/api/v1/api-keys", undefined, asStaff(staff.jar));
    expect(ownKeys.status).toBe(200);
    expect(ownKeys.body).toEqual([]);
    // Basic credentials never manage staff.
    expect((await api("GET", "/api/v1/users")).status).toBe(403);

    const duplicate = await api(
      "POST",
      "/api/v1/users",
      { email: email.toUpperCase(), name: "Twin", role: "staff", password },
      asStaff(admin.jar),
    );
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe("conflict");
    expect(duplicate.body.error.message).toContain(email);
  });

  it("validates new users field by field", async () => {
    const { jar } = await signIn();
    const res = await api(
      "POST",
      "/api/v1/users",
      { email: "not-an-email", name: "", role: "owner", password: "short" },
      asStaff(jar),
    );
    expect(res.status).toBe(422);
    const paths = res.body.error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(["email", "name", "password", "role"]);
    expect(res.body.error.details.find((d: { path: string }) => d.path === "password").message).toMatch(/12 characters/);
    const empty = await api("PUT", `/api/v1/users/${(await signIn()).id}`, {}, asStaff(jar));
    expect(empty.status).toBe(422);
  });

  it("an admin cannot remove, demote or deactivate themselves", async () => {
    const admin = await signIn();
    const remove = await api("DELETE", `/api/v1/users/${admin.id}`, undefined, asStaff(admin.jar));
    expect(remove.status).toBe(403);
    expect(remove.body.error.message).toMatch(/your own account/);
    const demote = await api("PUT", `/api/v1/users/${admin.id}`, { role: "staff" }, asStaff(admin.jar));
    expect(demote.status).toBe(403);
    const deactivate = await api("PUT", `/api/v1/users/${admin.id}`, { active: false }, asStaff(admin.jar));
    expect(deactivate.status).toBe(403);
    const rename = await api("PUT", `/api/v1/users/${admin.id}`, { name: "Head Admin" }, asStaff(admin.jar));
    expect(rename.status).toBe(200);
    expect(rename.body).toMatchObject({ name: "Head Admin", role: "admin" });
    await api("PUT", `/api/v1/users/${admin.id}`, { name: "Admin" }, asStaff(admin.jar));
  });

  it("changes roles, and removing a user ends their sessions", async () => {
    const admin = await signIn();
    const email = `second-admin-${unique()}@callboard.test`;
    const password = "second-admin-password";
    const created = await api("POST", "/api/v1/users", { email, name: "Ada Admin", role: "staff", password }, asStaff(admin.jar));
    const id = created.body.id as string;
    const promoted = await api("PUT", `/api/v1/users/${id}`, { role: "admin" }, asStaff(admin.jar));
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe("admin");

    const theirs = await signIn(email, password);
    expect((await api("GET", "/api/v1/users", undefined, asStaff(theirs.jar))).status).toBe(200);

    const removed = await api("DELETE", `/api/v1/users/${id}`, undefined, asStaff(admin.jar));
    expect(removed.status).toBe(204);
    expect((await api("GET", "/api/v1/calls", undefined, asStaff(theirs.jar))).status).toBe(401);
    expect((await api("GET", `/api/v1/users/${id}`, undefined, asStaff(admin.jar))).status).toBe(404);
    const gone = await fetch(`${baseUrl()}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl() },
      body: JSON.stringify({ email, password }),
    });
    expect(gone.status).toBe(401);
  });

  it("a deactivated user's session ends for good; reactivation lets them sign in again", async () => {
    const admin = await signIn();
    const email = `paused-${unique()}@callboard.test`;
    const password = "paused-user-password";
    const created = await api("POST", "/api/v1/users", { email, name: "Pat", role: "staff", password }, asStaff(admin.jar));
    const theirs = await signIn(email, password);
    await api("PUT", `/api/v1/users/${created.body.id}`, { active: false }, asStaff(admin.jar));
    expect((await api("GET", "/api/v1/calls", undefined, asStaff(theirs.jar))).status).toBe(401);
    await api("PUT", `/api/v1/users/${created.body.id}`, { active: true }, asStaff(admin.jar));
    // The old cookie is not revived (it may have been stolen); a new sign-in works.
    expect((await api("GET", "/api/v1/calls", undefined, asStaff(theirs.jar))).status).toBe(401);
    const again = await signIn(email, password);
    expect((await api("GET", "/api/v1/calls", undefined, asStaff(again.jar))).status).toBe(200);
  });
});
