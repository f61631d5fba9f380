// The reference API's documented Create Call example, sent as-is, must succeed with a call object of
// the documented shape, and the interaction must then run to a terminal status with messages,
// transcript, recording and duration.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { callSchema } from "@/server/calls/schema";
import { wavDurationSeconds } from "@/server/channels/simulator/wav";
import { ROOT } from "../support/app";
import { AGENT_ID, api, SKILL_ID, waitForTerminal } from "../support/api";

const contractDir = path.join(ROOT, "docs", "reference");
const requestBody = readFileSync(path.join(contractDir, "create-call.request.json"), "utf8");
const documented = JSON.parse(readFileSync(path.join(contractDir, "create-call.response.example.json"), "utf8"));

const jsonType = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/** Contact fields may be absent from a request, so the call object may hold null for them. */
const CONTACT_FIELDS = ["agentPhone", "agentEmail", "customerPhone", "customerEmail"];

/** Every documented field is present with the documented JSON type (null only where `allowNull` says). */
function expectDocumentedShape(
  actual: Record<string, unknown>,
  example: Record<string, unknown>,
  allowNull: Set<string>,
  where = "",
) {
  for (const [key, exampleValue] of Object.entries(example)) {
    expect(actual, `${where}${key} is missing`).toHaveProperty(key);
    const value = actual[key];
    if (value === null && allowNull.has(key)) continue;
    expect(jsonType(value), `${where}${key} type`).toBe(jsonType(exampleValue));
  }
}

describe("Create Call contract", () => {
  it("accepts the documented request verbatim and follows it to the end", async () => {
    const created = await api("POST", "/api/v1/calls", requestBody);
    expect(created.status).toBe(200);
    expect(created.headers.get("location")).toMatch(new RegExp(`/api/v1/calls/${created.body.id}$`));
    expect(() => callSchema.parse(created.body)).not.toThrow();

    // The first answer is wire-exact: only the transcript and the recording cannot exist yet, and the
    // duration of an interaction that has not started is "0", a string as in the reference.
    expectDocumentedShape(created.body, documented, new Set(["transcription", "recordingUrl"]));
    expect(created.body).toMatchObject({ status: "queued", duration: "0", transcription: null, recordingUrl: null });
    expect(created.body).toMatchObject({
      agentId: "123e4567-e89b-12d3-a456-426614174000",
      skillId: "123e4567-e89b-12d3-a456-426614174000",
      customerName: "John Doe",
      customerPhone: "+1234567890",
      customerEmail: "admin@email.com",
      agentPhone: "+12673624524",
      channel: "call",
      simulated: true,
      unresolvedVariables: ["Delivery Date"],
    });
    expect(created.body.initialMessage).toBe("Hello John, My name is John Doe. I am calling you about your order ID 12345");

    const done = await waitForTerminal(created.body.id);
    expect(done.status).toBe("completed");
    expectDocumentedShape(done, documented, new Set());
    for (const message of done.messages) {
      expectDocumentedShape(message, documented.messages[0], new Set(), "messages[].");
      expect(Number.isNaN(Date.parse(message.timestamp))).toBe(false);
    }
    expect(done.messages[0]).toMatchObject({ sender: "agent", content: created.body.initialMessage });
    expect(new Set(done.messages.map((m: { sender: string }) => m.sender))).toEqual(new Set(["agent", "customer"]));
    expect(done.transcription).toContain("Agent: Hello John");
    expect(done.transcription).toContain("Customer: ");
    expect(done.duration).toMatch(/^[1-9]\d*$/);

    // The recording opens without Basic credentials, is a WAV, and lasts `duration` seconds.
    const wav = await fetch(done.recordingUrl);
    expect(wav.status).toBe(200);
    expect(wav.headers.get("content-type")).toBe("audio/wav");
    const bytes = Buffer.from(await wav.arrayBuffer());
    expect(bytes.subarray(0, 4).toString()).toBe("RIFF");
    expect(wavDurationSeconds(bytes)).toBe(Number(done.duration));
  });

  it("answers null only for what cannot exist yet and for contact fields never given", async () => {
    const created = await api("POST", "/api/v1/calls", {
      agentId: AGENT_ID,
      skillId: SKILL_ID,
      channel: "webchat",
      customerName: "Web Only",
    });
    expect(created.status).toBe(200);
    expectDocumentedShape(created.body, documented, new Set(["transcription", "recordingUrl", ...CONTACT_FIELDS]));
    expect(created.body).toMatchObject({ duration: "0", customerName: "Web Only", customerPhone: null, customerEmail: null });
    expect(() => callSchema.parse(created.body)).not.toThrow();
  });

  it("refuses recordings without a valid token", async () => {
    const created = await api("POST", "/api/v1/calls", requestBody);
    const done = await waitForTerminal(created.body.id);
    const url = new URL(done.recordingUrl);
    url.searchParams.delete("token");
    expect((await fetch(url)).status).toBe(401);
    url.searchParams.set("token", "1999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect((await fetch(url)).status).toBe(403);
    url.searchParams.set("token", "1000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect((await expired.json()).error.code).toBe("forbidden");
  });
});
