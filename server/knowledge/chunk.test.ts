import { describe, expect, it } from "vitest";
import { chunkText, MAX_WORDS } from "./chunk";

const words = (n: number, w = "word") => Array.from({ length: n }, (_, i) => `${w}${i}`).join(" ");

describe("chunkText", () => {
  it("starts a passage at every heading and names it by the heading path", () => {
    const md =
      "# Returns\n\nYou can return items within 30 days.\n\n## Refunds\n\nRefunds take 5 days.\n\n# Delivery\n\nWe ship in 2 days.";
    expect(chunkText(md)).toEqual([
      { heading: "Returns", text: "You can return items within 30 days." },
      { heading: "Returns › Refunds", text: "Refunds take 5 days." },
      { heading: "Delivery", text: "We ship in 2 days." },
    ]);
  });

  it("joins short paragraphs up to the target and keeps paragraphs whole", () => {
    const paragraphs = Array.from({ length: 10 }, (_, i) => words(50, `p${i}w`));
    const passages = chunkText(paragraphs.join("\n\n"), { target: 120, max: 200 });
    expect(passages.length).toBeGreaterThan(2);
    for (const p of passages) {
      expect(p.text.split(/\s+/).length).toBeLessThanOrEqual(200);
      // Every paragraph is in exactly one passage, whole.
      for (const part of p.text.split("\n\n")) expect(paragraphs).toContain(part);
    }
    expect(passages.map((p) => p.text).join("\n\n")).toBe(paragraphs.join("\n\n"));
  });

  it("cuts an over-long paragraph at sentence ends, and a run-on text at word boundaries", () => {
    const sentences = Array.from({ length: 60 }, (_, i) => `This is sentence number ${i} of a very long paragraph.`).join(" ");
    const passages = chunkText(sentences);
    expect(passages.length).toBeGreaterThan(1);
    for (const p of passages) {
      expect(p.text.split(/\s+/).length).toBeLessThanOrEqual(MAX_WORDS);
      expect(p.text.endsWith(".")).toBe(true);
    }
    const runOn = chunkText(words(1000));
    expect(runOn.length).toBe(3);
    expect(runOn.map((p) => p.text).join(" ")).toBe(words(1000));
  });

  it("keeps a fenced code block's '#' lines as text, and ignores empty documents", () => {
    const md = "# Setup\n\n```sh\n# not a heading\nnpm ci\n```";
    expect(chunkText(md)).toEqual([{ heading: "Setup", text: "```sh\n# not a heading\nnpm ci\n```" }]);
    expect(chunkText("\n\n  \n")).toEqual([]);
  });
});
