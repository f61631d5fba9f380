// A conversation for the brain's unit tests.
import type { BrainContext } from "./types";

export function testContext(overrides: Partial<BrainContext> = {}): BrainContext {
  return {
    interactionId: "00000000-0000-4000-8000-000000000001",
    agentId: "00000000-0000-4000-8000-000000000002",
    channel: "webchat",
    language: "en-US",
    agentName: "Ava",
    skillName: "Order updates",
    instructions: "Be brief. Never promise refunds.",
    initialMessage: "Hello Nina, this is Ava.",
    customer: { name: "Nina Patel", firstName: "Nina", phone: "+14155550100", email: null },
    customFields: [{ name: "Order", value: "A-1042" }],
    history: [{ sender: "agent", content: "Hello Nina, this is Ava.", senderName: null, internal: false }],
    now: new Date("2026-12-03T10:00:00Z"),
    model: { name: null, temperature: null },
    actions: [],
    ...overrides,
  };
}

export const line = (
  sender: BrainContext["history"][number]["sender"],
  content: string,
  extra: Partial<BrainContext["history"][number]> = {},
) => ({
  sender,
  content,
  senderName: null,
  internal: false,
  ...extra,
});
