// Idempotency-Key on POST /api/v1/calls: a repeat replays the original response, a different body is
// refused, a repeat during the first request gets 409, and 20 concurrent requests create one interaction.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AGENT_ID, api, SKILL_ID } from "../support/api";

const body = (phone: string, extra: Record<string, unknown> = {}) => ({
  agentId: AGENT_ID,
  skillId: SKILL_ID,
  channel: "sms",
  customerName: "Idem Potent",
  customerPhone: phone,
  ...extra,
});

const uniquePhone = () => `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;

async function countCallsFor(phone: string) {
  const res = await api("GET", `/api/v1/calls?q=${encodeURIComponent(phone)}&limit=100`);
  return Number(res.headers.get("x-total-count"));
}

describe("Idempotency-Key", () => {
  it("replays the original response for the same key and body, marked Idempotent-Replayed", async () => {
    const key = randomUUID();
    const phone = uniquePhone();
    const first = await api("POST", "/api/v1/calls", body(phone), { "idempotency-key": key });
    expect(first.status).toBe(200);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    // Same body with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(body(phone)).reverse());
    const again = await api("POST", "/api/v1/calls", reordered, { "idempotency-key": key });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(await countCallsFor(phone)).toBe(1);
  });

  it("refuses the same key with a different body with 422", async () => {
    const key = randomUUID();
    const phone = uniquePhone();
    expect((await api("POST", "/api/v1/calls", body(phone), { "idempotency-key": key })).status).toBe(200);
    const other = await api("POST", "/api/v1/calls", body(phone, { customerName: "Someone Else" }), { "idempotency-key": key });
    expect(other.status).toBe(422);
    expect(other.body.error.details[0].path).toBe("Idempotency-Key");
    expect(await countCallsFor(phone)).toBe(1);
  });

  it("creates exactly one interaction from 20 concurrent requests with one key", async () => {
    const key = randomUUID();
    const phone = uniquePhone();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => api("POST", "/api/v1/calls", body(phone), { "idempotency-key": key })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const ok = results.filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((r) => r.body.id)).size).toBe(1);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body.error.code).toBe("conflict");
      expect(r.headers.get("retry-after")).toBe("1");
    }
    expect(await countCallsFor(phone)).toBe(1);
    // Once the first has finished, every repeat is a replay.
    const later = await api("POST", "/api/v1/calls", body(phone), { "idempotency-key": key });
    expect(later.status).toBe(200);
    expect(later.body.id).toBe(ok[0].body.id);
  });

  it("does not spend a key on a request that fails validation", async () => {
    const key = randomUUID();
    const phone = uniquePhone();
    const bad = await api("POST", "/api/v1/calls", body("555-0100"), { "idempotency-key": key });
    expect(bad.status).toBe(422);
    const good = await api("POST", "/api/v1/calls", body(phone), { "idempotency-key": key });
    expect(good.status).toBe(200);
    expect(good.headers.get("idempotent-replayed")).toBeNull();
  });

  it("rejects a malformed key with a field error naming the header", async () => {
    const bad = await api("POST", "/api/v1/calls", body(uniquePhone()), { "idempotency-key": "has spaces in it" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].path).toBe("Idempotency-Key");
    const long = await api("POST", "/api/v1/calls", body(uniquePhone()), { "idempotency-key": "k".repeat(256) });
    expect(long.status).toBe(422);
  });
});
