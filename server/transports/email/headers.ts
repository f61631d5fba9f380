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

const LOCAL_PART = /^[^\s@<>()",;:\\[\]]{1,64}$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export function isAddress(value: string): boolean {
  const at = value.lastIndexOf("@");
  if (value.length > 254 || at < 1) return false;
  const labels = value.slice(at + 1).split(".");
  return LOCAL_PART.test(value.slice(0, at)) && labels.length >= 2 && labels.every((l) => DOMAIN_LABEL.test(l));
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

const TOKEN = /\+([0-9a-f]{20})@/i;

/** agent@example.com → agent+<token>@example.com; a tag already there is replaced. */
export function plusAddress(address: string, token: string): string {
  const at = address.lastIndexOf("@");
  const local = address.slice(0, at).split("+")[0];
  return `${local}+${token}@${address.slice(at + 1)}`;
}

/** The thread token in the first recipient address that carries one. */
export function tokenIn(addresses: string[]): string | null {
  for (const address of addresses) {
    const match = TOKEN.exec(address);
    if (match) return match[1].toLowerCase();
  }
  return null;
}

/** A message's own Message-ID, derived from its sid: a resend after a crash carries the same id. */
export const messageIdFor = (sid: string, domain: string) => `<${sid.toLowerCase()}@${domain}>`;

const MAX_IDS = 100;

/** The <ids> in a Message-ID, In-Reply-To or References header, in order, without repeats. */
export function messageIdsIn(header: string | string[] | undefined | null): string[] {
  const text = Array.isArray(header) ? header.join(" ") : (header ?? "");
  const ids: string[] = [];
  for (const match of text.slice(0, 20_000).matchAll(/<([^<>\s]{1,250})>/g)) {
    const id = `<${match[1]}>`;
    if (!ids.includes(id)) ids.push(id);
    if (ids.length >= MAX_IDS) break;
  }
  // A bare id without brackets (some webhook payloads strip them).
  if (ids.length === 0 && /^[^<>\s]{1,250}@[^<>\s]+$/.test(text.trim())) ids.push(`<${text.trim()}>`);
  return ids;
}

/** "Re: " once: a subject that already starts with Re:/RE:/Aw:/Sv: keeps its prefix. */
export function replySubject(subject: string): string {
  const clean = headerText(subject, 250);
  return /^(re|aw|sv|antw)\s*:/i.test(clean) ? clean : `Re: ${clean}`;
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
