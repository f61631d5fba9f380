// PDFs read in a worker thread: the text of every page, the page limit, a corrupt file, and a time
// limit that stops the thread (the next read still works).
import { describe, expect, it } from "vitest";
import { makePdfPages } from "@/tests/support/pdf";
import { readPdfInThread } from "./pdf-thread";

const pages = (n: number) => Array.from({ length: n }, (_, i) => [`Page ${i + 1}: returns are accepted within 30 days.`]);

describe("readPdfInThread", () => {
  it("reads every page's text in a thread, and leaves the caller's bytes as they were", async () => {
    const bytes = new Uint8Array(makePdfPages(pages(3)));
    const before = Buffer.from(bytes);
    const read = await readPdfInThread(bytes, 2_000, 20_000);
    expect(read).toEqual({
      pages: [expect.stringContaining("Page 1:"), expect.stringContaining("Page 2:"), expect.stringContaining("Page 3:")],
    });
    expect(Buffer.from(bytes).equals(before)).toBe(true);
  });

  it("answers the page count past the limit, and the reason for a corrupt file", async () => {
    expect(await readPdfInThread(new Uint8Array(makePdfPages(pages(3))), 2, 20_000)).toEqual({ tooManyPages: 3 });
    const corrupt = await readPdfInThread(new TextEncoder().encode("%PDF-1.4\ngarbage that is not a PDF"), 2_000, 20_000);
    expect(corrupt).toEqual({ unreadable: expect.any(String) });
  });

  it("stops a read that runs past its time limit, and reads the next one", async () => {
    expect(await readPdfInThread(new Uint8Array(makePdfPages(pages(400))), 2_000, 1)).toEqual({ timedOut: true });
    expect(await readPdfInThread(new Uint8Array(makePdfPages(pages(1))), 2_000, 20_000)).toEqual({
      pages: [expect.stringContaining("Page 1:")],
    });
  });
});
