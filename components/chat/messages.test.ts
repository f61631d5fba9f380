import { describe, expect, it } from "vitest";
import { mergeMessages } from "./messages";
import type { ChatMessage } from "./types";

const msg = (id: string, second: number, content = id): ChatMessage => ({
  id,
  sender: "agent",
  senderName: null,
  content,
  timestamp: new Date(Date.UTC(2030, 0, 1, 12, 0, second)).toISOString(),
});

describe("mergeMessages", () => {
  it("keeps each message once, in time order", () => {
    const merged = mergeMessages([msg("a", 1), msg("c", 3)], [msg("b", 2), msg("c", 3), msg("a", 1)]);
    expect(merged.map((m) => m.id)).toEqual(["a", "b", "c"]);
  });

  it("never drops a message an older snapshot does not have yet", () => {
    expect(mergeMessages([msg("a", 1), msg("b", 2)], [msg("a", 1)]).map((m) => m.id)).toEqual(["a", "b"]);
  });

  it("answers the same array when nothing changed, so React need not render again", () => {
    const current = [msg("a", 1)];
    expect(mergeMessages(current, [msg("a", 1)])).toBe(current);
    expect(mergeMessages(current, [msg("a", 1, "edited")])[0].content).toBe("edited");
  });

  it("keeps arrival order for messages with the same time", () => {
    expect(mergeMessages([msg("z", 1)], [msg("y", 1)]).map((m) => m.id)).toEqual(["z", "y"]);
  });
});

describe("the composer's limit", () => {
  it("is the API's", async () => {
    const { MAX_MESSAGE_LENGTH: api } = await import("@/server/conversations/schema");
    const { MAX_MESSAGE_LENGTH: composer } = await import("./types");
    expect(composer).toBe(api);
  });
});
