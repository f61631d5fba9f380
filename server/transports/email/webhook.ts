// POST /api/email/inbound: Postmark's inbound JSON or Mailgun's routed form post, authenticated by each
// provider's own scheme, normalised to an InboundEmail and handed to ./receive.ts. A post that fails
// authentication is answered 403 before anything is read into the database.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";
import { ApiError, validationError } from "@/lib/errors";
import { readLimitedBytes } from "@/lib/http";
import { headerText, isAddress, messageIdsIn, parseMailbox } from "./headers";
import { type InboundAttachment, type InboundEmail, showAddress } from "./inbound-email";
import { type Received, receiveEmail } from "./receive";

const sameSecret = (given: string, expected: string) => {
  const a = createHmac("sha256", "cmp").update(given).digest();
  const b = createHmac("sha256", "cmp").update(expected).digest();
  return timingSafeEqual(a, b);
};

const forbidden = (why: string) => new ApiError("forbidden", why);

// Provider payloads carry more fields than these, and new ones over time: unknown fields are ignored.
const postmarkAddress = z.object({ Email: z.string().max(320), Name: z.string().max(300).optional().default("") });

export const postmarkInboundSchema = z.object({
  FromFull: postmarkAddress.optional(),
  From: z.string().max(1000).optional().default(""),
  ToFull: z.array(postmarkAddress).max(500).optional().default([]),
  CcFull: z.array(postmarkAddress).max(500).optional().default([]),
  OriginalRecipient: z.string().max(320).optional().default(""),
  Subject: z.string().max(10_000).optional().default(""),
  Date: z.string().max(200).optional().default(""),
  TextBody: z.string().optional().default(""),
  HtmlBody: z.string().optional().default(""),
  StrippedTextReply: z.string().optional().default(""),
  Headers: z
    .array(z.object({ Name: z.string().max(200), Value: z.string().max(20_000) }))
    .max(1000)
    .optional()
    .default([]),
  Attachments: z
    .array(
      z.object({
        Name: z.string().max(1000).optional().default("attachment"),
        Content: z.string(),
        ContentType: z.string().max(200).optional().default("application/octet-stream"),
        ContentLength: z.number().int().nonnegative().optional(),
      }),
    )
    .max(100)
    .optional()
    .default([]),
});

function dateOf(value: string): Date | null {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

const BREAKS = new Set(["br", "/p", "/div", "/li", "/tr", "/h1", "/h2", "/h3"]);
const ENTITIES: Record<string, string> = { "&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&" };

/** The text of an HTML-only e-mail: tags dropped (a line break for the ones that end a line), in one pass. */
export function textOfHtml(html: string): string {
  let out = "";
  let i = 0;
  while (i < html.length) {
    const ch = html[i];
    if (ch === "<") {
      const end = html.indexOf(">", i);
      if (end < 0) break;
      const name = html
        .slice(i + 1, end)
        .trim()
        .split(/\s/)[0]
        .toLowerCase();
      if (BREAKS.has(name) || name === "br/") out += "\n";
      i = end + 1;
    } else if (ch === "&") {
      const end = html.indexOf(";", i);
      const entity = end > i && end - i < 8 ? html.slice(i, end + 1).toLowerCase() : "";
      out += ENTITIES[entity] ?? "&";
      i = ENTITIES[entity] ? end + 1 : i + 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function build(base: Omit<InboundEmail, "original" | "reportType" | "reportText">): InboundEmail {
  const headerLines = Object.entries(base.headers).map(([k, v]) => `${k}: ${v}`);
  const type = (base.headers["content-type"] ?? "").toLowerCase();
  const isReport = type.includes("report-type") && type.includes("delivery-status");
  return {
    ...base,
    original: `${headerLines.join("\n").slice(0, 64_000)}\n\n${base.text}`,
    reportType: isReport ? "delivery-status" : null,
    reportText: base.text,
  };
}

export function fromPostmark(body: z.output<typeof postmarkInboundSchema>): InboundEmail {
  const headers: Record<string, string> = {};
  for (const h of body.Headers) {
    const key = h.Name.toLowerCase();
    if (headers[key] === undefined) headers[key] = headerText(h.Value, 2000);
  }
  const fullFrom = body.FromFull?.Email.toLowerCase();
  const from =
    fullFrom && isAddress(fullFrom)
      ? { name: headerText(body.FromFull?.Name ?? "", 100), address: fullFrom }
      : parseMailbox(body.From);
  const to = body.ToFull.filter((a) => isAddress(a.Email.toLowerCase()));
  const cc = body.CcFull.filter((a) => isAddress(a.Email.toLowerCase()));
  const attachments: InboundAttachment[] = body.Attachments.map((a) => {
    const content = Buffer.from(a.Content, "base64");
    return {
      filename: headerText(a.Name, 200) || "attachment",
      contentType: headerText(a.ContentType, 100),
      size: content.length,
      content,
    };
  });
  const text = body.TextBody || textOfHtml(body.HtmlBody);
  return build({
    source: "postmark",
    messageId: messageIdsIn(headers["message-id"])[0] ?? null,
    inReplyTo: messageIdsIn(headers["in-reply-to"]),
    references: messageIdsIn(headers.references),
    from,
    recipients: [...to, ...cc]
      .map((a) => a.Email.toLowerCase())
      .concat(body.OriginalRecipient.toLowerCase())
      .filter(Boolean),
    to: to.map((a) => showAddress({ name: a.Name, address: a.Email.toLowerCase() })),
    cc: cc.map((a) => showAddress({ name: a.Name, address: a.Email.toLowerCase() })),
    subject: headerText(body.Subject, 250),
    date: dateOf(body.Date),
    text: text.slice(0, 200_000),
    stripped: body.StrippedTextReply.trim() ? body.StrippedTextReply : null,
    headers,
    attachments,
  });
}

/** Mailgun's routed post (forward()): form fields, attachments as files in a multipart body. */
export const mailgunInboundSchema = z.object({
  timestamp: z.string().regex(/^\d{1,20}$/, "timestamp must be a number"),
  token: z.string().min(1).max(200),
  signature: z.string().regex(/^[0-9a-f]{64}$/i, "signature must be 64 hex digits"),
  recipient: z.string().max(5000).optional().default(""),
  sender: z.string().max(1000).optional().default(""),
  from: z.string().max(1000).optional().default(""),
  To: z.string().max(10_000).optional().default(""),
  Cc: z.string().max(10_000).optional().default(""),
  subject: z.string().max(10_000).optional().default(""),
  "body-plain": z.string().optional().default(""),
  "body-html": z.string().optional().default(""),
  "stripped-text": z.string().optional().default(""),
  "message-headers": z.string().optional().default("[]"),
  Date: z.string().max(200).optional().default(""),
});

function verifyMailgun(fields: z.output<typeof mailgunInboundSchema>) {
  const key = env.MAILGUN_SIGNING_KEY;
  if (!key) throw forbidden("Mailgun posts are not accepted here: set MAILGUN_SIGNING_KEY.");
  const expected = createHmac("sha256", key)
    .update(fields.timestamp + fields.token)
    .digest();
  const given = Buffer.from(fields.signature, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw forbidden("The Mailgun signature does not match. Check MAILGUN_SIGNING_KEY (Mailgun's HTTP webhook signing key).");
  }
}

function mailgunHeaders(raw: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let pairs: unknown;
  try {
    pairs = JSON.parse(raw);
  } catch {
    return headers;
  }
  if (!Array.isArray(pairs)) return headers;
  for (const pair of pairs.slice(0, 1000)) {
    if (!Array.isArray(pair) || typeof pair[0] !== "string" || typeof pair[1] !== "string") continue;
    const key = pair[0].toLowerCase();
    if (headers[key] === undefined) headers[key] = headerText(pair[1], 2000);
  }
  return headers;
}

const addressList = (value: string) =>
  value
    .split(",")
    .map((part) => parseMailbox(part))
    .filter((a): a is NonNullable<typeof a> => a !== null);

async function fromMailgun(form: FormData): Promise<InboundEmail> {
  const plain: Record<string, string> = {};
  const files: File[] = [];
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") plain[key] ??= value;
    else if (/^attachment-\d+$/.test(key)) files.push(value);
  }
  const parsed = mailgunInboundSchema.safeParse(plain);
  if (!parsed.success) throw validationError(parsed.error, "The Mailgun post");
  const fields = parsed.data;
  verifyMailgun(fields);
  const headers = mailgunHeaders(fields["message-headers"]);
  const to = addressList(fields.To || headers.to || "");
  const cc = addressList(fields.Cc || headers.cc || "");
  const attachments = await Promise.all(
    files.slice(0, 100).map(async (file) => ({
      filename: headerText(file.name, 200) || "attachment",
      contentType: headerText(file.type || "application/octet-stream", 100),
      size: file.size,
      content: Buffer.from(await file.arrayBuffer()),
    })),
  );
  const text = fields["body-plain"] || textOfHtml(fields["body-html"]);
  return build({
    source: "mailgun",
    messageId: messageIdsIn(headers["message-id"] ?? plain["Message-Id"])[0] ?? null,
    inReplyTo: messageIdsIn(headers["in-reply-to"] ?? plain["In-Reply-To"]),
    references: messageIdsIn(headers.references ?? plain.References),
    from: parseMailbox(fields.from) ?? parseMailbox(fields.sender),
    recipients: [...fields.recipient.split(","), ...to.map((a) => a.address), ...cc.map((a) => a.address)]
      .map((a) => a.trim().toLowerCase())
      .filter(Boolean),
    to: to.map(showAddress),
    cc: cc.map(showAddress),
    subject: headerText(fields.subject || headers.subject || "", 250),
    date: dateOf(fields.Date || headers.date || ""),
    text: text.slice(0, 200_000),
    stripped: fields["stripped-text"].trim() ? fields["stripped-text"] : null,
    headers,
    attachments,
  });
}

const JSON_TYPE = /^application\/json\b/i;
const FORM_TYPE = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;

/** Verifies, normalises and takes in one provider post. */
export async function receiveInboundWebhook(req: Request): Promise<Received> {
  const type = req.headers.get("content-type") ?? "";
  if (JSON_TYPE.test(type)) {
    // Postmark authenticates by the secret in the webhook URL (?token=…), or as Basic auth's password.
    const secret = env.EMAIL_INBOUND_SECRET;
    if (!secret) throw forbidden("Postmark posts are not accepted here: set EMAIL_INBOUND_SECRET and put it in the URL.");
    const given = new URL(req.url).searchParams.get("token") ?? basicPassword(req.headers.get("authorization")) ?? "";
    if (!sameSecret(given, secret)) {
      throw forbidden("The inbound webhook secret is missing or wrong: POST to /api/email/inbound?token=<EMAIL_INBOUND_SECRET>.");
    }
    const bytes = await readLimitedBytes(req, env.EMAIL_MAX_MESSAGE_BYTES);
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString("utf8"));
    } catch {
      throw new ApiError("bad_request", "The request body is not valid JSON.");
    }
    const parsed = postmarkInboundSchema.safeParse(json);
    if (!parsed.success) throw validationError(parsed.error, "The Postmark post");
    return receiveEmail(fromPostmark(parsed.data));
  }
  if (FORM_TYPE.test(type)) {
    const bytes = await readLimitedBytes(req, env.EMAIL_MAX_MESSAGE_BYTES);
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(bytes), { headers: { "content-type": type } }).formData();
    } catch {
      throw new ApiError("bad_request", "The form body could not be read.");
    }
    return receiveEmail(await fromMailgun(form));
  }
  throw new ApiError(
    "unsupported_media_type",
    "Send Postmark's inbound JSON (application/json) or Mailgun's routed form post (multipart/form-data).",
  );
}

function basicPassword(header: string | null): string | null {
  if (!header?.startsWith("Basic ")) return null;
  const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? null : decoded.slice(colon + 1);
}
