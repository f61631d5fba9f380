// One inbound e-mail, normalised: the same shape whether it came over IMAP as MIME (mailparser), as
// Postmark's inbound JSON or as Mailgun's routed form post. Everything after this (matching, loop rules,
// reply parsing) works on this shape only.
import { createHash } from "node:crypto";
import { type AddressObject, simpleParser } from "mailparser";
import { type Address, headerText, isAddress, messageIdsIn } from "./headers";

export type InboundAttachment = { filename: string; contentType: string; size: number; content: Buffer | null };

export type InboundEmail = {
  source: "imap" | "postmark" | "mailgun";
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  from: Address | null;
  /** Every address it was sent to (To, Cc, Delivered-To, the envelope recipient), lower-cased. */
  recipients: string[];
  to: string[];
  cc: string[];
  subject: string;
  date: Date | null;
  /** The whole text, quotes and signature included. */
  text: string;
  /** The new text only, when the provider already stripped it (Postmark, Mailgun). */
  stripped: string | null;
  /** Header names lower-cased; the first value of each. */
  headers: Record<string, string>;
  attachments: InboundAttachment[];
  /** What staff see as the original: the header block and the full text. */
  original: string;
  /** Content-Type's report-type (a DSN is multipart/report; report-type=delivery-status). */
  reportType: string | null;
  /** Text of the report parts (message/delivery-status, text/rfc822-headers) for bounce reading. */
  reportText: string;
};

const MAX_TEXT = 200_000;
const MAX_HEADER_BLOCK = 64_000;

export const showAddress = (a: Address | { name?: string; address?: string }) =>
  a.name ? `${headerText(a.name, 100)} <${a.address}>` : (a.address ?? "");

function addressesOf(value: AddressObject | AddressObject[] | undefined): Address[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list
    .flatMap((o) => o.value)
    .flatMap((a) => (a.group ? a.group : [a]))
    .filter((a): a is { name: string; address: string } => Boolean(a.address && isAddress(a.address.toLowerCase())))
    .map((a) => ({ name: headerText(a.name ?? "", 100), address: (a.address as string).toLowerCase() }));
}

const headerValue = (value: unknown): string => {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "value" in value) return String((value as { value: unknown }).value);
  if (value instanceof Date) return value.toISOString();
  return value === undefined || value === null ? "" : String(value);
};

/** The key a message is remembered by: its Message-ID, else a hash of what identifies it. */
export function receiptKey(mail: Pick<InboundEmail, "messageId" | "from" | "date" | "subject" | "text">): string {
  if (mail.messageId) return mail.messageId.slice(0, 500);
  const basis = [mail.from?.address ?? "", mail.date?.toISOString() ?? "", mail.subject, mail.text].join("\n");
  return `sha256:${createHash("sha256").update(basis).digest("hex")}`;
}

/** A MIME message (IMAP). Throws on input mailparser cannot read at all; the caller records it as malformed. */
export async function fromMime(source: Buffer, envelopeRecipients: string[] = []): Promise<InboundEmail> {
  const parsed = await simpleParser(source, { skipImageLinks: true, maxHtmlLengthToParse: 2_000_000 });
  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    if (headers[key] !== undefined) continue;
    headers[key] = headerText(line.slice(line.indexOf(":") + 1), 2000);
  }
  const from = addressesOf(parsed.from)[0] ?? null;
  const to = addressesOf(parsed.to);
  const cc = addressesOf(parsed.cc);
  const extra = ["delivered-to", "x-original-to", "envelope-to"].flatMap((k) => (headers[k] ? [headers[k].toLowerCase()] : []));
  const contentType = parsed.headers.get("content-type") as { value?: string; params?: Record<string, string> } | undefined;
  const reports = parsed.attachments.filter((a) => /^(message\/|text\/rfc822-headers)/i.test(a.contentType));
  const headerEnd = source.indexOf("\r\n\r\n") >= 0 ? source.indexOf("\r\n\r\n") : source.indexOf("\n\n");
  const headerBlock = source.subarray(0, Math.min(headerEnd < 0 ? source.length : headerEnd, MAX_HEADER_BLOCK)).toString("utf8");
  const text = (parsed.text ?? "").slice(0, MAX_TEXT);
  return {
    source: "imap",
    messageId: messageIdsIn(parsed.messageId)[0] ?? null,
    inReplyTo: messageIdsIn(parsed.inReplyTo),
    references: messageIdsIn(parsed.references),
    from,
    recipients: [
      ...new Set(
        [...to, ...cc]
          .map((a) => a.address)
          .concat(
            extra,
            envelopeRecipients.map((r) => r.toLowerCase()),
          ),
      ),
    ],
    to: to.map(showAddress),
    cc: cc.map(showAddress),
    subject: headerText(parsed.subject ?? "", 250),
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null,
    text,
    stripped: null,
    headers,
    attachments: parsed.attachments
      .filter((a) => !reports.includes(a))
      .map((a) => ({
        filename: headerText(a.filename ?? "attachment", 200) || "attachment",
        contentType: headerText(a.contentType ?? "application/octet-stream", 100),
        size: a.size ?? a.content.length,
        content: a.content,
      })),
    original: `${headerBlock}\n\n${text}`,
    reportType: contentType?.params?.["report-type"]?.toLowerCase() ?? null,
    reportText: [text, ...reports.map((a) => a.content.toString("utf8", 0, Math.min(a.content.length, 64_000)))].join("\n"),
  };
}

export { headerValue };
