// Status rules: PUT accepts only legal transitions and names the allowed next ones; notes and agent
// changes persist; completed interactions can be resolved; every change lands in the history.
import { describe, expect, it } from "vitest";
import { AGENT_ID, api, SKILL_ID, waitForTerminal } from "../support/api";

const smsCall = (phone: string) => ({
  agentId: AGENT_ID,
  skillId: SKILL_ID,
  channel: "sms",
  customerName: "Lena Park",
  customerPhone: phone,
});

describe("status lifecycle", () => {
  it("rejects an illegal transition with the allowed next statuses", async () => {
    const created = await api("POST", "/api/v1/calls", smsCall("+14155550201"));
    expect(created.status).toBe(200);
    const res = await api("PUT", `/api/v1/calls/${created.body.id}`, { status: "ringing" });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("invalid_transition");
    expect(res.body.error.allowed).toEqual(expect.arrayContaining(["canceled", "failed"]));
    expect(res.body.error.allowed).not.toContain("ringing");
    expect(res.body.error.message).toContain("Allowed next statuses");
  });

  it("cancels a live interaction and stops the engine", async () => {
    const created = await api("POST", "/api/v1/calls", smsCall("+14155550202"));
    const canceled = await api("PUT", `/api/v1/calls/${created.body.id}`, {
      status: "canceled",
      note: "Customer asked us to stop.",
    });
    expect(canceled.status).toBe(200);
    expect(canceled.body).toMatchObject({ status: "canceled", note: "Customer asked us to stop." });
    expect(canceled.body.endedAt).not.toBeNull();
    const before = canceled.body.messages.length;
    await new Promise((r) => setTimeout(r, 800));
    const later = await api("GET", `/api/v1/calls/${created.body.id}`);
    expect(later.body.status).toBe("canceled");
    expect(later.body.messages.length).toBe(before);
    const again = await api("PUT", `/api/v1/calls/${created.body.id}`, { status: "completed" });
    expect(again.status).toBe(409);
    expect(again.body.error.allowed).toEqual([]);
  });

  it("resolves a completed interaction, keeps notes and reassigns the agent", async () => {
    const created = await api("POST", "/api/v1/calls", smsCall("+14155550203"));
    const done = await waitForTerminal(created.body.id);
    expect(done.status).toBe("completed");
    const marcus = "5e2d8c1b-7a4f-4b3e-9d6c-2a1b0c9d8e76";
    const res = await api("PUT", `/api/v1/calls/${created.body.id}`, { status: "resolved", note: "All good ✓", agentId: marcus });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "resolved", note: "All good ✓", agentId: marcus });
    // A final status cannot change again.
    const after = await api("PUT", `/api/v1/calls/${created.body.id}`, { status: "completed" });
    expect(after.status).toBe(409);
  });

  it("passes an SMS through its documented statuses with per-message delivery statuses", async () => {
    const created = await api("POST", "/api/v1/calls", smsCall("+14155550204"));
    const done = await waitForTerminal(created.body.id);
    expect(done.status).toBe("completed");
    const agentMessages = done.messages.filter((m: { sender: string }) => m.sender === "agent");
    const customerMessages = done.messages.filter((m: { sender: string }) => m.sender === "customer");
    expect(
      agentMessages.every((m: { status: string; sid: string }) => m.status === "delivered" && /^SM[0-9a-f]{32}$/.test(m.sid)),
    ).toBe(true);
    expect(customerMessages.every((m: { status: string }) => m.status === "received")).toBe(true);
    expect(done.recordingUrl).toBeNull();
    expect(done.duration).toMatch(/^\d+$/);
  });

  it.each([
    ["whatsapp", { customerPhone: "+447700900123" }],
    ["email", { customerEmail: "mail@example.com" }],
    // A web chat waits for a real customer on its link; `simulate` plays both sides.
    ["webchat", { simulate: true }],
  ])("runs a %s interaction to completion", async (channel, contact) => {
    const created = await api("POST", "/api/v1/calls", {
      agentId: AGENT_ID,
      skillId: SKILL_ID,
      channel,
      customerName: "Sam Rivera",
      ...contact,
    });
    expect(created.status).toBe(200);
    const done = await waitForTerminal(created.body.id);
    expect(done.status).toBe("completed");
    expect(done.messages.length).toBeGreaterThanOrEqual(6);
    expect(done.messages[0].content).toBe("Hello Sam, this is Ava calling about your recent order.");
  });
});
