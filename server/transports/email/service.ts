// What staff and integrations read of e-mail beside the call object: an inbound message's original and
// its attachments.
import { z } from "zod";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { uuid } from "@/lib/validation";

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
