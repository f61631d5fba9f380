// The start creates the bootstrap API credential (API_USERNAME) and admin (ADMIN_EMAIL) once. Revoked
// in the dashboard, the credential stays revoked at the next start; a removed admin is not recreated;
// each start says so in one line. On a database of its own, since it revokes the shared credential.
import { expect, it } from "vitest";
import { newDatabase, prepareDatabase, startApp, TEST_ADMIN, TEST_CREDENTIALS } from "../support/app";
import { api, asSession, basicAuth, dialect, signIn } from "../support/api";

const REVOKED_LINE = `[callboard] the bootstrap API credential API_USERNAME=${TEST_CREDENTIALS.username} was revoked in the dashboard; it stays revoked. Remove API_USERNAME/API_PASSWORD from the environment.`;
const REMOVED_LINE = `[callboard] the bootstrap admin ADMIN_EMAIL=${TEST_ADMIN.email} was removed in the dashboard; it is not recreated.`;

it("a revoked bootstrap credential and a removed bootstrap admin stay gone at the next start", async () => {
  const db = await newDatabase(dialect());
  const second = { email: "second-admin@callboard.test", password: "second-admin-password" };
  try {
    prepareDatabase(db.url);
    // While they are in use, another start leaves them as they are, and says nothing about them.
    expect(prepareDatabase(db.url)).not.toContain("bootstrap");
    let app = await startApp(db.url);
    try {
      const basic = { authorization: basicAuth() };
      expect((await api("GET", "/api/v1/calls", undefined, basic, app.url)).status).toBe(200);
      const first = await signIn(TEST_ADMIN.email, TEST_ADMIN.password, app.url);
      const asFirst = asSession(first.jar, app.url);
      const keys = await api("GET", "/api/v1/api-keys", undefined, asFirst, app.url);
      const bootstrapKey = keys.body.find((k: { username: string }) => k.username === TEST_CREDENTIALS.username);
      expect(bootstrapKey.createdBy).toBeNull();
      expect((await api("DELETE", `/api/v1/api-keys/${bootstrapKey.id}`, undefined, asFirst, app.url)).status).toBe(200);

      const created = await api("POST", "/api/v1/users", { ...second, name: "Second", role: "admin" }, asFirst, app.url);
      expect(created.status).toBe(201);
      const asSecond = asSession((await signIn(second.email, second.password, app.url)).jar, app.url);
      expect((await api("DELETE", `/api/v1/users/${first.id}`, undefined, asSecond, app.url)).status).toBe(204);
    } finally {
      await app.stop();
    }

    const log = prepareDatabase(db.url);
    expect(log).toContain(REVOKED_LINE);
    expect(log).toContain(REMOVED_LINE);

    app = await startApp(db.url);
    try {
      expect((await api("GET", "/api/v1/calls", undefined, { authorization: basicAuth() }, app.url)).status).toBe(401);
      expect((await signIn(TEST_ADMIN.email, TEST_ADMIN.password, app.url)).status).toBe(401);
      const asSecond = asSession((await signIn(second.email, second.password, app.url)).jar, app.url);
      const users = await api("GET", "/api/v1/users", undefined, asSecond, app.url);
      expect(users.body.map((u: { email: string }) => u.email)).toEqual([second.email]);
      const keys = await api("GET", "/api/v1/api-keys", undefined, asSecond, app.url);
      expect(keys.body.find((k: { username: string }) => k.username === TEST_CREDENTIALS.username).revokedAt).toEqual(
        expect.any(String),
      );
    } finally {
      await app.stop();
    }
  } finally {
    await db.drop();
  }
}, 480_000); // three starts, each preparing the database first (slow on a busy machine)
