// Splits a document's text (Markdown, or plain text that the parsers produced) into passages of a few
// hundred words. A heading starts a new passage and names the passages under it ("Returns › Refunds");
// paragraphs stay whole unless one alone is longer than a passage, then it is cut at sentence ends.
// Pure functions, unit-tested in chunk.test.ts.

export type Passage = { heading: string; text: string };

export const TARGET_WORDS = 220;
export const MAX_WORDS = 350;

const HEADING = /^(#{1,6})[ \t](.*)$/;
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Cuts one over-long paragraph at sentence ends (or, for a run-on text, at word boundaries). */
function splitLong(paragraph: string, max: number): string[] {
  const sentences = paragraph.split(/(?<=[.!?]["')\]]?)\s+/);
  const out: string[] = [];
  let current: string[] = [];
  let count = 0;
  const flush = () => {
    if (current.length) out.push(current.join(" ").replace(/\s+/g, " ").trim());
    current = [];
    count = 0;
  };
  for (const sentence of sentences) {
    const tokens = sentence.split(/\s+/).filter(Boolean);
    if (tokens.length > max) {
      flush();
      for (let i = 0; i < tokens.length; i += max) out.push(tokens.slice(i, i + max).join(" "));
      continue;
    }
    if (count + tokens.length > max) flush();
    current.push(sentence.trim());
    count += tokens.length;
  }
  flush();
  return out.filter(Boolean);
}

/** "Title ##" → "Title": closing hashes (after a space) are not part of a heading's title. */
function headingTitle(raw: string): string {
  const text = raw.trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === "#") end--;
  return end === 0 || text[end - 1] === " " || text[end - 1] === "\t" ? text.slice(0, end).trim() : text;
}

/** The blocks of a Markdown text: headings and paragraphs (blank-line separated; fenced code stays whole). */
function blocks(text: string): ({ kind: "heading"; level: number; text: string } | { kind: "paragraph"; text: string })[] {
  const out: ({ kind: "heading"; level: number; text: string } | { kind: "paragraph"; text: string })[] = [];
  let paragraph: string[] = [];
  let fenced = false;
  const flush = () => {
    const joined = paragraph.join("\n").trim();
    if (joined) out.push({ kind: "paragraph", text: joined });
    paragraph = [];
  };
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trimEnd();
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = !fenced && HEADING.exec(line);
    const title = heading ? headingTitle(heading[2]) : "";
    if (heading && title) {
      flush();
      out.push({ kind: "heading", level: heading[1].length, text: title });
    } else if (!fenced && line.trim() === "") {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return out;
}

/** Splits a document into passages that respect its headings and paragraphs. */
export function chunkText(text: string, { target = TARGET_WORDS, max = MAX_WORDS } = {}): Passage[] {
  const passages: Passage[] = [];
  const trail: { level: number; text: string }[] = [];
  let heading = "";
  let current: string[] = [];
  let count = 0;
  const flush = () => {
    const body = current.join("\n\n").trim();
    if (body) passages.push({ heading, text: body });
    current = [];
    count = 0;
  };
  for (const block of blocks(text)) {
    if (block.kind === "heading") {
      flush();
      while (trail.length && trail[trail.length - 1].level >= block.level) trail.pop();
      trail.push({ level: block.level, text: block.text });
      heading = trail.map((h) => h.text).join(" › ");
      continue;
    }
    const n = words(block.text);
    if (n > max) {
      flush();
      for (const piece of splitLong(block.text, max)) {
        current = [piece];
        flush();
      }
      continue;
    }
    if (count > 0 && count + n > max) flush();
    current.push(block.text);
    count += n;
    if (count >= target) flush();
  }
  flush();
  return passages;
}
