// What staff and integrations read of e-mail beside the call object: an inbound message's original and
// its attachments, and the channel's settings and test e-mail (/settings/channels).
import { z } from "zod";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { email, uuid } from "@/lib/validation";

export const OUTCOMES = [
  "answered",
  "recorded",
  "bounce",
  "auto-reply",
  "unrouted",
  "too-large",
  "malformed",
  "rate-limited",
] as const;

/** What POST /api/email/inbound answers: what became of the message. */
export const emailReceivedSchema = z.object({
  outcome: z.enum(OUTCOMES),
  interactionId: z.string().nullable(),
  /** The same message (by Message-ID) was taken in before: nothing changed. */
  duplicate: z.boolean().optional(),
  /** Why it was not answered, or why it bounced. */
  reason: z.string().nullable().optional(),
});

export const attachmentParamsSchema = z.object({ id: uuid("The attachment id") });

export const originalParamsSchema = z.object({
  id: uuid("The call id"),
  sid: z.string().regex(/^[A-Z]{2}[0-9a-f]{32}$/, "The message sid looks like EM followed by 32 hex digits."),
});

export async function getAttachment(id: string) {
  const row = await db.emailAttachment.findUnique({
    where: { id },
    select: { filename: true, contentType: true, size: true, content: true },
  });
  if (!row) throw notFound("Attachment");
  return row;
}

/** An inbound e-mail as received: its header block and full text, quoted history included. */
export async function getOriginal(callId: string, sid: string): Promise<string> {
  const row = await db.message.findFirst({ where: { interactionId: callId, sid }, select: { original: true } });
  if (!row?.original) throw notFound("The original of this message");
  return row.original;
}

/** What /settings/channels shows of e-mail: SMTP and IMAP, without their passwords, and the webhook URL. */
export const emailChannelSchema = z.object({
  smtp: z.object({
    configured: z.boolean(),
    /** host:port of SMTP_URL; never its credentials. */
    server: z.string().nullable(),
    defaultFrom: z.string().nullable(),
  }),
  imap: z.object({
    configured: z.boolean(),
    server: z.string().nullable(),
    mailbox: z.string().nullable(),
    processedFolder: z.string().nullable(),
    running: z.boolean(),
    connected: z.boolean(),
    lastPoll: z.string().nullable(),
    lastError: z.string().nullable(),
  }),
  inbound: z.object({
    /** Where Postmark and Mailgun post; Postmark's needs ?token=<EMAIL_INBOUND_SECRET> added. */
    url: z.string(),
    postmark: z.boolean(),
    mailgun: z.boolean(),
  }),
  maxRepliesPerHour: z.number().int(),
  maxAttachmentBytes: z.number().int(),
});
export type EmailChannel = z.infer<typeof emailChannelSchema>;

export const testEmailSchema = z.strictObject({ to: email() });

export const testEmailResultSchema = z.object({
  sent: z.boolean(),
  messageId: z.string().nullable(),
  /** The SMTP server's answer when it refused or could not be reached. */
  error: z.string().nullable(),
});
