import { describe, expect, it } from "vitest";
import { makePdf } from "@/tests/support/pdf";
import { csvToText, documentKind, documentText, htmlToText, ParseError, parseCsv } from "./parse";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("documentKind", () => {
  it("goes by the extension, then the content type", () => {
    expect(documentKind("faq.md", "application/octet-stream")).toBe("markdown");
    expect(documentKind("policy.PDF", "")).toBe("pdf");
    expect(documentKind("blob", "text/html; charset=utf-8")).toBe("html");
    expect(documentKind("archive.zip", "application/zip")).toBeNull();
  });
});

describe("parsers", () => {
  it("HTML: headings become Markdown headings; scripts, styles and images are dropped", () => {
    const text = htmlToText(
      "<html><head><style>p{color:red}</style><script>steal()</script></head><body><h2>Returns</h2><p>Within <b>30 days</b>.</p><img src=x onerror=alert(1)><script>alert(1)</script></body></html>",
    );
    expect(text).toContain("## Returns");
    expect(text).toContain("Within 30 days.");
    expect(text).not.toMatch(/steal|alert|color/);
  });

  it("CSV: quoted fields, one paragraph per row named by the header", () => {
    expect(parseCsv('a,b\n"x, y","say ""hi""\nnext"\n')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"\nnext'],
    ]);
    expect(csvToText("question,answer\nReturn window?,30 days\nShipping?,2 days\n")).toBe(
      "question: Return window?; answer: 30 days\n\nquestion: Shipping?; answer: 2 days",
    );
    expect(() => parseCsv('a,"open')).toThrow(ParseError);
  });

  it("PDF: reads the text layer; a corrupt or disguised file fails with a reason", async () => {
    const text = await documentText("pdf", makePdf(["Returns are accepted within 30 days.", "Refunds take 5 days."]));
    expect(text).toContain("Returns are accepted within 30 days.");
    await expect(documentText("pdf", bytes("PK\u0003\u0004 a zip file"))).rejects.toThrow(/not a PDF/);
    await expect(documentText("pdf", bytes("%PDF-1.4\ngarbage that is not a PDF"))).rejects.toThrow(ParseError);
  });

  it("text: refuses binary data and invalid UTF-8, and a document without text", async () => {
    await expect(documentText("text", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).rejects.toThrow(/binary/);
    await expect(documentText("markdown", new Uint8Array([0xff, 0xfe, 0x41]))).rejects.toThrow(/UTF-8/);
    await expect(documentText("text", bytes("   \n "))).rejects.toThrow(/no text/);
    expect(await documentText("markdown", bytes("\uFEFF# Hi\n\nthere"))).toBe("# Hi\n\nthere");
  });
});
