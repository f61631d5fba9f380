import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/errors";
import { claimStreamSlot } from "./stream-slots";

const api = (credentialId: string) => ({ kind: "api" as const, credentialId, username: credentialId, owner: null });
const staff = (userId: string) => ({ kind: "staff" as const, userId, email: "a@b.c", name: "A", role: "staff" as const });

function refusal(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("live stream slots", () => {
  it("refuses the principal's stream over the cap with 429 and Retry-After, until one is released", () => {
    const first = claimStreamSlot(api("cap-a"), 2);
    claimStreamSlot(api("cap-a"), 2);
    const refused = refusal(() => claimStreamSlot(api("cap-a"), 2));
    expect(refused.status).toBe(429);
    expect(refused.code).toBe("rate_limited");
    expect(refused.message).toContain("at most 2");
    expect(Number(refused.extra.headers?.["Retry-After"])).toBeGreaterThanOrEqual(1);
    // Others are counted apart.
    claimStreamSlot(api("cap-b"), 2);
    claimStreamSlot(staff("cap-a"), 2);
    first();
    claimStreamSlot(api("cap-a"), 2);
    expect(() => claimStreamSlot(api("cap-a"), 2)).toThrow(ApiError);
  });

  it("releases once however often the release runs", () => {
    const release = claimStreamSlot(api("twice"), 2);
    claimStreamSlot(api("twice"), 2);
    release();
    release();
    claimStreamSlot(api("twice"), 2);
    expect(() => claimStreamSlot(api("twice"), 2)).toThrow(ApiError);
  });

  it("has no cap at 0", () => {
    for (let i = 0; i < 1000; i++) claimStreamSlot(api("uncapped"), 0);
  });
});
