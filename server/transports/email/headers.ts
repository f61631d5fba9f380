// E-mail header values and threading, as pure functions. Anything that reaches a header (a name, a
// subject) passes through headerText first: a customer's decoded subject or a custom field in a subject
// template may hold CR/LF, which in a header would start a header of the sender's choosing (Bcc: …).
import { randomBytes } from "node:crypto";
import addressparser from "nodemailer/lib/addressparser";

export type Address = { name: string; address: string };

/** One line of header text: control characters (CR, LF, NUL, C1) and Unicode line breaks become spaces. */
export function headerText(value: string, max = 200): string {
  let out = "";
  for (const ch of value) {
    const c = ch.codePointAt(0) ?? 0;
    out += c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 ? " " : ch;
  }
  return out.replace(/ {2,}/g, " ").trim().slice(0, max);
}

const LOCAL_FORBIDDEN = new Set([...' \t\r\n@<>()",;:\\[]']);

function isLocalPart(local: string): boolean {
  if (local.length < 1 || local.length > 64) return false;
  for (const ch of local) if (LOCAL_FORBIDDEN.has(ch) || ch.charCodeAt(0) < 0x20) return false;
  return true;
}

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

function isDomainLabel(label: string): boolean {
  if (label.length < 1 || label.length > 63 || label.startsWith("-") || label.endsWith("-")) return false;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (!isAlnum(c) && c !== 45) return false;
  }
  return true;
}

export function isAddress(value: string): boolean {
  const at = value.lastIndexOf("@");
  if (value.length > 254 || at < 1) return false;
  const labels = value.slice(at + 1).split(".");
  return isLocalPart(value.slice(0, at)) && labels.length >= 2 && labels.every(isDomainLabel);
}

/** "Support <support@example.com>" or "support@example.com"; null when it holds no usable address. */
export function parseMailbox(value: string): Address | null {
  const [first] = addressparser(value, { flatten: true });
  const address = first?.address?.toLowerCase() ?? "";
  if (!isAddress(address)) return null;
  return { name: headerText(first.name ?? ""), address };
}

export const domainOf = (address: string) => address.slice(address.lastIndexOf("@") + 1).toLowerCase();

/** A thread's token: 20 hex digits, the tag of its plus-address (ava+<token>@example.com). */
export const newThreadToken = () => randomBytes(10).toString("hex");

/** The address without its plus-tag: ava+x@example.com is ava@example.com. */
export function untagged(address: string): string {
  const at = address.lastIndexOf("@");
  const plus = address.indexOf("+");
  return (plus >= 0 && plus < at ? address.slice(0, plus) + address.slice(at) : address).toLowerCase();
}

const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 102);

/** agent@example.com → agent+<token>@example.com; a tag already there is replaced. */
export function plusAddress(address: string, token: string): string {
  const plain = untagged(address);
  const at = plain.lastIndexOf("@");
  return `${plain.slice(0, at)}+${token}@${plain.slice(at + 1)}`;
}

/** The thread token in the first recipient address that carries one. */
export function tokenIn(addresses: string[]): string | null {
  for (const address of addresses) {
    const lower = address.toLowerCase();
    const at = lower.lastIndexOf("@");
    const plus = lower.indexOf("+");
    if (plus < 0 || at < plus) continue;
    const tag = lower.slice(plus + 1, at);
    if (tag.length === 20 && [...tag].every((ch) => isHex(ch.charCodeAt(0)))) return tag;
  }
  return null;
}

/** A message's own Message-ID, derived from its sid: a resend after a crash carries the same id. */
export const messageIdFor = (sid: string, domain: string) => `<${sid.toLowerCase()}@${domain}>`;

const MAX_IDS = 100;

const isIdChar = (ch: string) => ch > " " && ch !== "<" && ch !== ">" && ch !== "\u007f";

/** The <ids> in a Message-ID, In-Reply-To or References header, in order, without repeats. */
export function messageIdsIn(header: string | string[] | undefined | null): string[] {
  const text = (Array.isArray(header) ? header.join(" ") : (header ?? "")).slice(0, 20_000);
  const ids: string[] = [];
  // One pass: an id is "<", 1 to 250 id characters, ">"; anything else starts the search again.
  let start = -1;
  for (let i = 0; i < text.length && ids.length < MAX_IDS; i++) {
    const ch = text[i];
    if (ch === "<") start = i;
    else if (ch === ">" && start >= 0) {
      const id = text.slice(start, i + 1);
      if (id.length > 2 && id.length <= 252 && !ids.includes(id)) ids.push(id);
      start = -1;
    } else if (start >= 0 && !isIdChar(ch)) start = -1;
  }
  // A bare id without brackets (some webhook payloads strip them).
  const bare = text.trim();
  if (ids.length === 0 && bare.length <= 250 && bare.indexOf("@") > 0 && [...bare].every(isIdChar)) ids.push(`<${bare}>`);
  return ids;
}

const REPLY_PREFIXES = new Set(["re", "aw", "sv", "antw"]);

/** "Re: " once: a subject that already starts with Re:/RE:/Aw:/Sv: keeps its prefix. */
export function replySubject(subject: string): string {
  const clean = headerText(subject, 250);
  const colon = clean.indexOf(":");
  const prefix = colon > 0 ? clean.slice(0, colon).trim().toLowerCase() : "";
  return REPLY_PREFIXES.has(prefix) ? clean : `Re: ${clean}`;
}

/**
 * References for the next message: the thread's ids in order. Long threads keep the first id (the
 * thread's root, which clients group by) and the most recent ones, as RFC 5322 suggests.
 */
export function referencesFor(chain: string[], max = 20): string[] {
  const unique = chain.filter((id, i) => chain.indexOf(id) === i);
  if (unique.length <= max) return unique;
  return [unique[0], ...unique.slice(unique.length - (max - 1))];
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** The text part as simple, safe HTML: every character escaped, paragraphs and line breaks kept. */
export function htmlOf(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
  const paragraphs = escaped
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p.replace(/\n/g, "<br>")}</p>`);
  return `<!doctype html><html><body style="font-family:sans-serif;font-size:15px;line-height:1.5">${paragraphs.join("")}</body></html>`;
}
