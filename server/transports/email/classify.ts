// What kind of e-mail came in, as pure functions: a bounce (a delivery status notification) naming the
// message it returns, a machine's reply that must never be answered (RFC 3834's Auto-Submitted, the
// Precedence header, vacation responders), and the new text of a human reply without its quoted history.
import EmailReplyParser from "email-reply-parser";
import { messageIdsIn, untagged } from "./headers";
import type { InboundEmail } from "./inbound-email";

export type Bounce = { status: string; diagnostic: string; recipient: string | null; returned: string[] };

const field = (text: string, name: string) => {
  for (const line of text.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === name) return line.slice(colon + 1).trim();
  }
  return null;
};

const DAEMONS = new Set(["mailer-daemon", "postmaster", "mail-daemon"]);
const isDaemon = (address: string) => DAEMONS.has(address.slice(0, address.lastIndexOf("@")).toLowerCase());

/** A failed-delivery report, or null (a delayed-delivery report, or no report at all). */
export function bounceOf(mail: InboundEmail): Bounce | null {
  const report = mail.reportType === "delivery-status";
  const fromDaemon = Boolean(mail.from && isDaemon(mail.from.address));
  if (!report && !fromDaemon) return null;
  const text = mail.reportText.slice(0, 200_000);
  const action = field(text, "action")?.toLowerCase() ?? null;
  const status = field(text, "status") ?? "";
  if (action && action !== "failed") return null;
  if (!action && !status.startsWith("5") && !fromDaemon) return null;
  // The returned message's own headers (text/rfc822-headers or message/rfc822) hold its Message-ID.
  const returned: string[] = [];
  for (const line of text.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === "message-id") returned.push(...messageIdsIn(line));
  }
  return {
    status: status || "5.0.0",
    diagnostic: (field(text, "diagnostic-code") ?? "The receiving mail server returned the message.").slice(0, 400),
    recipient: afterType(field(text, "final-recipient")),
    returned: [...returned, ...mail.inReplyTo, ...mail.references],
  };
}

/** "rfc822; nina@example.com" → "nina@example.com" (DSN fields name their address type first). */
function afterType(value: string | null): string | null {
  if (!value) return null;
  const semicolon = value.indexOf(";");
  return (semicolon >= 0 ? value.slice(semicolon + 1) : value).trim() || null;
}

const BULK = new Set(["bulk", "list", "junk", "auto_reply"]);

/** Why this message must be recorded but never answered, or null for a person's message. */
export function notAnsweredReason(mail: InboundEmail, ownAddresses: Set<string>): string | null {
  const auto = mail.headers["auto-submitted"]?.toLowerCase().split(";")[0].trim();
  if (auto && auto !== "no") return `an automatic message (Auto-Submitted: ${auto})`;
  const precedence = mail.headers.precedence?.toLowerCase().trim();
  if (precedence && BULK.has(precedence)) return `an automatic message (Precedence: ${precedence})`;
  if (mail.headers["x-autoreply"] || mail.headers["x-autorespond"]) return "an automatic reply (X-Autoreply)";
  if (mail.headers["list-id"] || mail.headers["list-unsubscribe"]) return "a mailing-list message";
  const from = mail.from?.address ?? "";
  if (!from) return "a message without a sender address";
  if (ownAddresses.has(untagged(from))) return "a message from the agent's own address";
  if (isDaemon(from)) return "a message from a mail server";
  return null;
}

const MAX_PARSED = 50_000;

/** The customer's new text: the provider's stripped reply when given, else the text without quotes or signature. */
export function newText(mail: Pick<InboundEmail, "stripped" | "text">): string {
  if (mail.stripped?.trim()) return mail.stripped.trim();
  const text = mail.text.replace(/\r\n?/g, "\n").slice(0, MAX_PARSED);
  if (!text.trim()) return "";
  const visible = new EmailReplyParser().read(text).getVisibleText().trim();
  return visible || text.trim();
}
