// Per-credential request limits: above API_RATE_LIMIT_PER_MINUTE an API credential gets 429 with
// Retry-After; a staff session is not counted against it; 0 turns limiting off.
import { describe, expect, inject, it } from "vitest";
import { newDatabase, prepareDatabase, startApp, TEST_ADMIN } from "../support/app";
import { api } from "../support/api";

describe("API rate limits", () => {
  it("answers 429 with Retry-After once a credential is over its limit, and 0 turns it off", async () => {
    const db = await newDatabase(inject("dialect"));
    prepareDatabase(db.url);
    const limited = await startApp(db.url, { API_RATE_LIMIT_PER_MINUTE: "5", WORKER_ENABLED: "false" });
    try {
      for (let i = 0; i < 5; i++) expect((await api("GET", "/api/v1/agents", undefined, {}, limited.url)).status).toBe(200);
      const refused = await api("GET", "/api/v1/agents", undefined, {}, limited.url);
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe("rate_limited");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);

      // Sign-in throttling is separate, and a staff session is not an API credential.
      const signIn = await fetch(`${limited.url}/api/v1/session`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: limited.url },
        body: JSON.stringify(TEST_ADMIN),
      });
      expect(signIn.status).toBe(200);
      const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0];
      const staff = await api("GET", "/api/v1/agents", undefined, { authorization: "", cookie }, limited.url);
      expect(staff.status).toBe(200);
    } finally {
      await limited.stop();
    }
    const unlimited = await startApp(db.url, { API_RATE_LIMIT_PER_MINUTE: "0", WORKER_ENABLED: "false" });
    try {
      const statuses = await Promise.all(
        Array.from({ length: 50 }, () =>
          api("GET", "/api/v1/agents?limit=1", undefined, {}, unlimited.url).then((r) => r.status),
        ),
      );
      expect(new Set(statuses)).toEqual(new Set([200]));
    } finally {
      await unlimited.stop();
      await db.drop();
    }
  });
});
