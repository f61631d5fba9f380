// Turns an uploaded document into Markdown-like text for the chunker: plain text and Markdown as they
// are, HTML through html-to-text (scripts, styles and embedded media dropped; headings kept as `#`),
// CSV one paragraph per row ("column: value; …"), PDF through unpdf (PDF.js) page by page, in a worker
// thread (pdf-thread.ts).
// A document that cannot be read throws ParseError with a reason meant for the person who uploaded it.
import { convert, type FormatCallback } from "html-to-text";
import { type PdfPages, readPdfInThread } from "./pdf-thread";

export class ParseError extends Error {}

export const DOCUMENT_KINDS = ["text", "markdown", "html", "csv", "pdf"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The most text one document may yield (about 1,000 pages of prose). */
export const MAX_TEXT_CHARS = 5_000_000;
export const MAX_PDF_PAGES = 2_000;
/** Reading one document may take this long; past it the source fails (a PDF built to stall the parser). */
export const PARSE_TIMEOUT_MS = 60_000;
export const tooSlow = () => `The document could not be read within ${PARSE_TIMEOUT_MS / 1000} seconds.`;
const MAX_CSV_ROWS = 50_000;

const BY_EXTENSION: Record<string, DocumentKind> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  htm: "html",
  html: "html",
  csv: "csv",
  pdf: "pdf",
};
const BY_TYPE: Record<string, DocumentKind> = {
  "text/plain": "text",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/csv": "csv",
  "application/pdf": "pdf",
};

/** What kind of document a file is, from its name's extension or else its content type; null when unsupported. */
export function documentKind(filename: string, contentType: string): DocumentKind | null {
  const dot = filename.lastIndexOf(".");
  const ext = dot >= 0 ? filename.slice(dot + 1).toLowerCase() : undefined;
  if (ext && BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  return BY_TYPE[contentType.split(";")[0].trim().toLowerCase()] ?? null;
}

export const CONTENT_TYPES: Record<DocumentKind, string> = {
  text: "text/plain",
  markdown: "text/markdown",
  html: "text/html",
  csv: "text/csv",
  pdf: "application/pdf",
};

function decodeText(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new ParseError("The file is not text: it contains binary data (NUL bytes).");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new ParseError("The file is not valid UTF-8 text. Save it as UTF-8 and upload it again.");
  }
}

const mdHeading: FormatCallback = (elem, walk, builder, options) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  builder.addInline(`${"#".repeat(Number(options.level) || 1)} `);
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 2 });
};

export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    formatters: { mdHeading },
    selectors: [
      ...[1, 2, 3, 4, 5, 6].map((level) => ({ selector: `h${level}`, format: "mdHeading", options: { level } })),
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "script", format: "skip" },
      { selector: "style", format: "skip" },
      { selector: "noscript", format: "skip" },
      { selector: "iframe", format: "skip" },
      { selector: "svg", format: "skip" },
      { selector: "nav", format: "skip" },
    ],
  });
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      if (rows.length > MAX_CSV_ROWS) throw new ParseError(`The CSV file has more than ${MAX_CSV_ROWS} rows.`);
    } else field += c;
  }
  if (quoted) throw new ParseError("The CSV file has a quoted field that is never closed.");
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ""));
}

/** Each row as its own paragraph, "column: value; …", so a passage holds whole rows. */
export function csvToText(text: string): string {
  const [header, ...rows] = parseCsv(text);
  if (!header) return "";
  if (rows.length === 0) return header.join("; ");
  return rows
    .map((r) =>
      r
        .map((value, i) => [header[i]?.trim() || `column ${i + 1}`, value.trim()])
        .filter(([, value]) => value)
        .map(([name, value]) => `${name}: ${value.replace(/\s+/g, " ")}`)
        .join("; "),
    )
    .join("\n\n");
}

async function pdfToText(bytes: Uint8Array): Promise<string> {
  if (!Buffer.from(bytes.subarray(0, 1024)).toString("latin1").includes("%PDF-")) {
    throw new ParseError("The file is not a PDF (it has no %PDF- header).");
  }
  const read = (await readPdfInThread(bytes, MAX_PDF_PAGES, PARSE_TIMEOUT_MS)) ?? (await readPdfHere(bytes));
  if ("timedOut" in read) throw new ParseError(tooSlow());
  if ("tooManyPages" in read) throw new ParseError(`The PDF has ${read.tooManyPages} pages; the limit is ${MAX_PDF_PAGES}.`);
  if ("unreadable" in read) throw new ParseError(`The PDF could not be read: ${read.unreadable.slice(0, 200)}`);
  const text = read.pages.map((p) => p.trim()).join("\n\n");
  if (!text.trim()) throw new ParseError("The PDF has no text layer (a scanned document?); nothing could be indexed.");
  return text;
}

/** On the event loop: only where a worker thread cannot load unpdf (pdf-thread.ts). */
async function readPdfHere(bytes: Uint8Array): Promise<PdfPages> {
  const { extractText, getDocumentProxy } = await import("unpdf");
  try {
    // No eval of embedded code (PDF.js's font compiler), and no warnings of a malformed file on the console.
    const options = { isEvalSupported: false, verbosity: 0 } as Parameters<typeof getDocumentProxy>[1];
    const pdf = await getDocumentProxy(new Uint8Array(bytes), options);
    if (pdf.numPages > MAX_PDF_PAGES) return { tooManyPages: pdf.numPages };
    const pages = (await extractText(pdf, { mergePages: false })).text;
    await (pdf as unknown as { destroy?: () => Promise<void> }).destroy?.();
    return { pages };
  } catch (error) {
    return { unreadable: error instanceof Error ? error.message : String(error) };
  }
}

/** The document as Markdown-like text for chunkText. */
export async function documentText(kind: DocumentKind, bytes: Uint8Array): Promise<string> {
  const text =
    kind === "pdf"
      ? await pdfToText(bytes)
      : kind === "html"
        ? htmlToText(decodeText(bytes))
        : kind === "csv"
          ? csvToText(decodeText(bytes))
          : decodeText(bytes);
  if (text.length > MAX_TEXT_CHARS) {
    throw new ParseError(`The document holds more than ${MAX_TEXT_CHARS.toLocaleString("en")} characters of text; split it up.`);
  }
  if (!text.trim()) throw new ParseError("The document holds no text.");
  return text;
}
