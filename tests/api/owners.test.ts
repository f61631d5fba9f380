// People leave: their keys, webhooks and sessions go with them. Keys and webhooks record who created
// them; staff manage only their own (someone else's answers 404), admins all of them; an API key acts
// as its creator and the bootstrap credential as an admin. Deactivating or removing a person revokes
// their keys, disables their webhooks with the reason and ends their sessions, in one go; reactivating
// revives none of it. A role change ends sessions but keeps keys.
import { afterAll, describe, expect, it } from "vitest";
import { apiKeySchema } from "@/server/api-keys/schema";
import { webhookSchema } from "@/server/webhooks/schema";
import { TEST_ADMIN, TEST_CREDENTIALS } from "../support/app";
import { api, asSession, basicAuth, signIn } from "../support/api";

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const PASSWORD = "owner-test-password";
// Never called: every endpoint registered here is deleted or disabled before the file ends.
const HOOK_URL = "http://127.0.0.1:9/owners-test";
const registered: string[] = [];

afterAll(async () => {
  for (const id of registered) await api("DELETE", `/api/v1/webhooks/${id}`);
});

async function poll<T>(what: string, fn: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 8_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms (last: ${JSON.stringify(value)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function admin() {
  const session = await signIn(TEST_ADMIN.email, TEST_ADMIN.password);
  expect(session.status).toBe(200);
  return asSession(session.jar);
}

/** A new staff member (or admin), signed in. */
async function person(name: string, role: "staff" | "admin" = "staff") {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${unique()}@callboard.test`;
  const created = await api("POST", "/api/v1/users", { email, name, role, password: PASSWORD }, await admin());
  expect(created.status).toBe(201);
  const session = await signIn(email, PASSWORD);
  expect(session.status).toBe(200);
  return { id: created.body.id as string, email, name, jar: session.jar, as: asSession(session.jar) };
}

async function createKey(headers: Record<string, string>, name = `key ${unique()}`) {
  const res = await api("POST", "/api/v1/api-keys", { name }, headers);
  expect(res.status).toBe(201);
  return { id: res.body.id as string, basic: { authorization: basicAuth(res.body.username, res.body.password) } };
}

async function createWebhook(headers: Record<string, string>) {
  const res = await api("POST", "/api/v1/webhooks", { url: HOOK_URL, description: `owners ${unique()}` }, headers);
  expect(res.status).toBe(201);
  registered.push(res.body.id);
  return res.body.id as string;
}

const ids = (body: unknown) => (body as { id: string }[]).map((x) => x.id);
const status = async (headers: Record<string, string>) => (await api("GET", "/api/v1/calls?limit=1", undefined, headers)).status;

describe("API keys belong to the person who created them", () => {
  it("staff list and revoke only their own keys; admins see every key with its owner", async () => {
    const ann = await person("Ann Owner");
    const ben = await person("Ben Other");
    const annKey = await createKey(ann.as);
    const benKey = await createKey(ben.as);

    const annList = await api("GET", "/api/v1/api-keys?limit=100", undefined, ann.as);
    expect(annList.status).toBe(200);
    expect(ids(annList.body)).toEqual([annKey.id]);
    expect(annList.headers.get("x-total-count")).toBe("1");
    expect(apiKeySchema.strict().parse(annList.body[0]).createdBy).toEqual({ id: ann.id, name: ann.name, email: ann.email });

    expect((await api("GET", `/api/v1/api-keys/${benKey.id}`, undefined, ann.as)).status).toBe(404);
    const revokeOthers = await api("DELETE", `/api/v1/api-keys/${benKey.id}`, undefined, ann.as);
    expect(revokeOthers.status).toBe(404);
    expect(await status(benKey.basic)).toBe(200);

    const all = await api("GET", "/api/v1/api-keys?limit=100", undefined, await admin());
    const byId = new Map((all.body as { id: string; username: string; createdBy: unknown }[]).map((k) => [k.id, k]));
    expect(byId.get(annKey.id)?.createdBy).toEqual({ id: ann.id, name: ann.name, email: ann.email });
    expect(byId.get(benKey.id)?.createdBy).toEqual({ id: ben.id, name: ben.name, email: ben.email });
    // The bootstrap credential has no owner.
    const bootstrap = (all.body as { username: string; createdBy: unknown }[]).find(
      (k) => k.username === TEST_CREDENTIALS.username,
    );
    expect(bootstrap?.createdBy).toBeNull();

    const revoked = await api("DELETE", `/api/v1/api-keys/${benKey.id}`, undefined, await admin());
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    await poll(
      "Ben's key revoked by an admin",
      () => status(benKey.basic),
      (s) => s === 401,
    );
  });
});

describe("webhooks belong to the person who registered them", () => {
  it("staff reach only their own; a key acts as its creator; the bootstrap credential and admins reach all", async () => {
    const cat = await person("Cat Hooks");
    const dan = await person("Dan Hooks");
    const danKey = await createKey(dan.as);
    const catHook = await createWebhook(cat.as);
    const danHook = await createWebhook(danKey.basic);
    const bootstrapHook = await createWebhook({});

    const catList = await api("GET", "/api/v1/webhooks?limit=100", undefined, cat.as);
    expect(ids(catList.body)).toEqual([catHook]);
    expect(webhookSchema.strict().parse(catList.body[0]).createdBy).toEqual({ id: cat.id, name: cat.name, email: cat.email });
    // Dan's key registered as Dan, and sees what Dan sees.
    const danList = await api("GET", "/api/v1/webhooks?limit=100", undefined, danKey.basic);
    expect(ids(danList.body)).toEqual([danHook]);
    expect(danList.body[0].createdBy).toEqual({ id: dan.id, name: dan.name, email: dan.email });
    expect(ids((await api("GET", "/api/v1/webhooks?limit=100", undefined, dan.as)).body)).toEqual([danHook]);

    for (const [method, path] of [
      ["GET", `/api/v1/webhooks/${danHook}`],
      ["PUT", `/api/v1/webhooks/${danHook}`],
      ["DELETE", `/api/v1/webhooks/${danHook}`],
      ["POST", `/api/v1/webhooks/${danHook}/rotate-secret`],
      ["POST", `/api/v1/webhooks/${danHook}/test`],
      ["GET", `/api/v1/webhooks/${danHook}/deliveries`],
      ["GET", `/api/v1/webhooks/${bootstrapHook}`],
    ]) {
      const res = await api(method, path, method === "PUT" ? { description: "taken over" } : undefined, cat.as);
      expect(res.status, `${method} ${path} as Cat`).toBe(404);
    }
    expect((await api("GET", `/api/v1/webhooks/${catHook}`, undefined, danKey.basic)).status).toBe(404);
    expect((await api("GET", `/api/v1/webhooks/${danHook}`, undefined, danKey.basic)).body.description).not.toBe("taken over");

    // The bootstrap credential (no owner) and admins reach every endpoint.
    const everything = ids((await api("GET", "/api/v1/webhooks?limit=100")).body);
    expect(everything).toEqual(expect.arrayContaining([catHook, danHook, bootstrapHook]));
    const bootstrapOwned = await api("GET", `/api/v1/webhooks/${bootstrapHook}`);
    expect(bootstrapOwned.body.createdBy).toBeNull();
    const adminHeaders = await admin();
    expect((await api("PUT", `/api/v1/webhooks/${danHook}`, { description: "checked" }, adminHeaders)).status).toBe(200);
    expect(ids((await api("GET", "/api/v1/webhooks?limit=100", undefined, adminHeaders)).body)).toEqual(
      expect.arrayContaining([catHook, danHook, bootstrapHook]),
    );
  });
});

describe("leaving takes keys, webhooks and sessions along", () => {
  it("deactivation revokes keys, disables webhooks with the reason and ends sessions; reactivation revives none", async () => {
    const eve = await person("Eve Leaver");
    const otherSession = await signIn(eve.email, PASSWORD);
    const key = await createKey(eve.as);
    const hook = await createWebhook(eve.as);
    const keyHook = await createWebhook(key.basic);
    expect(await status(key.basic)).toBe(200);
    expect(await status(asSession(otherSession.jar))).toBe(200);

    const adminHeaders = await admin();
    const deactivated = await api("PUT", `/api/v1/users/${eve.id}`, { active: false }, adminHeaders);
    expect(deactivated.status).toBe(200);

    await poll(
      "Eve's key revoked",
      () => status(key.basic),
      (s) => s === 401,
    );
    const keyRow = await api("GET", `/api/v1/api-keys/${key.id}`, undefined, adminHeaders);
    expect(keyRow.body.revokedAt).toEqual(expect.any(String));
    for (const id of [hook, keyHook]) {
      const webhook = await api("GET", `/api/v1/webhooks/${id}`);
      expect(webhook.body.enabled).toBe(false);
      expect(webhook.body.disabledReason).toMatch(/^Its owner Eve Leaver \(.+\) was deactivated on \d{4}-\d\d-\d\dT/);
      expect(webhook.body.createdBy).toEqual({ id: eve.id, name: eve.name, email: eve.email });
    }
    expect(await status(eve.as)).toBe(401);
    expect(await status(asSession(otherSession.jar))).toBe(401);

    const reactivated = await api("PUT", `/api/v1/users/${eve.id}`, { active: true }, adminHeaders);
    expect(reactivated.status).toBe(200);
    // The old cookies stay dead (a stolen one is no use after reactivation); so does the key.
    expect(await status(eve.as)).toBe(401);
    expect(await status(asSession(otherSession.jar))).toBe(401);
    expect(await status(key.basic)).toBe(401);
    expect((await api("GET", `/api/v1/webhooks/${hook}`)).body.enabled).toBe(false);
    const again = await signIn(eve.email, PASSWORD);
    expect(again.status).toBe(200);
    expect(await status(asSession(again.jar))).toBe(200);
  });

  it("removal revokes keys and disables webhooks, which keep the owner's name", async () => {
    const fay = await person("Fay Gone");
    const key = await createKey(fay.as);
    const hook = await createWebhook(fay.as);
    // Already disabled endpoints keep their own reason.
    const pausedHook = await createWebhook(fay.as);
    await api("PUT", `/api/v1/webhooks/${pausedHook}`, { enabled: false }, fay.as);
    expect(await status(key.basic)).toBe(200);

    const adminHeaders = await admin();
    expect((await api("DELETE", `/api/v1/users/${fay.id}`, undefined, adminHeaders)).status).toBe(204);

    await poll(
      "Fay's key revoked",
      () => status(key.basic),
      (s) => s === 401,
    );
    expect(await status(fay.as)).toBe(401);
    const keyRow = await api("GET", `/api/v1/api-keys/${key.id}`, undefined, adminHeaders);
    expect(keyRow.body).toMatchObject({
      revokedAt: expect.any(String),
      createdBy: { id: null, name: fay.name, email: fay.email },
    });
    const webhook = await api("GET", `/api/v1/webhooks/${hook}`);
    expect(webhook.body).toMatchObject({ enabled: false, createdBy: { id: null, name: fay.name, email: fay.email } });
    expect(webhook.body.disabledReason).toMatch(/^Its owner Fay Gone \(.+\) was removed on /);
    expect((await api("GET", `/api/v1/webhooks/${pausedHook}`)).body.disabledReason).toBeNull();
  });

  it("a role change ends sessions but keeps keys, which act with the new role", async () => {
    const gus = await person("Gus Promoted");
    const key = await createKey(gus.as);
    const adminHook = await createWebhook(await admin());
    expect((await api("GET", `/api/v1/webhooks/${adminHook}`, undefined, key.basic)).status).toBe(404);

    expect((await api("PUT", `/api/v1/users/${gus.id}`, { role: "admin" }, await admin())).status).toBe(200);
    expect(await status(gus.as)).toBe(401);
    expect(await status(key.basic)).toBe(200);
    await poll(
      "Gus's key acting as an admin",
      async () => (await api("GET", `/api/v1/webhooks/${adminHook}`, undefined, key.basic)).status,
      (s) => s === 200,
    );
    expect((await api("PUT", `/api/v1/users/${gus.id}`, { role: "staff" }, await admin())).status).toBe(200);
  });
});
