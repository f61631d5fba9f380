import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allowedNext, canTransition, isTerminal, statusesFor } from "./status";
import { lifecycleMarkdown } from "./status-doc";

describe("status lifecycle", () => {
  it("lets voice ring before it talks, and only messaging channels be delivered", () => {
    expect(canTransition("call", "ringing", "in-progress")).toBe(true);
    expect(canTransition("call", "queued", "in-progress")).toBe(false);
    expect(statusesFor("call")).not.toContain("delivered");
    expect(statusesFor("sms")).not.toContain("ringing");
    expect(statusesFor("whatsapp")).toContain("read");
    expect(statusesFor("sms")).not.toContain("read");
  });

  it("allows aborting any live interaction, and nothing after a final status except resolving", () => {
    expect(allowedNext("sms", "sent")).toEqual(expect.arrayContaining(["failed", "canceled", "expired"]));
    expect(allowedNext("call", "completed")).toEqual(["resolved"]);
    expect(allowedNext("call", "busy")).toEqual([]);
    expect(isTerminal("expired")).toBe(true);
    expect(isTerminal("on-hold")).toBe(false);
  });

  it("is documented in the README exactly as the code has it", () => {
    const readme = readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
    expect(readme).toContain(lifecycleMarkdown());
  });
});
