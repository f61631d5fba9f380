// The e-mail channel as /settings/channels shows it, and its "Send a test e-mail" action.
import { env, publicUrl } from "@/lib/env";
import { messageIdFor, domainOf, htmlOf } from "./headers";
import { imapStatus, parseImapUrl } from "./imap";
import type { EmailChannel } from "./service";
import { defaultSender, mailer } from "./smtp";

function serverOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ""}`;
  } catch {
    return null;
  }
}

export function emailChannel(): EmailChannel {
  const imap = env.IMAP_URL ? parseImapUrl(env.IMAP_URL) : null;
  const status = imapStatus();
  const from = defaultSender();
  return {
    smtp: {
      configured: Boolean(env.SMTP_URL),
      server: serverOf(env.SMTP_URL),
      defaultFrom: from ? (from.name ? `${from.name} <${from.address}>` : from.address) : null,
    },
    imap: {
      configured: status.configured,
      server: serverOf(env.IMAP_URL),
      mailbox: imap?.mailbox ?? null,
      processedFolder: env.IMAP_PROCESSED_FOLDER ?? null,
      running: status.running,
      connected: status.connected,
      lastPoll: status.lastPoll,
      lastError: status.lastError,
    },
    inbound: {
      url: `${publicUrl()}/api/email/inbound`,
      postmark: Boolean(env.EMAIL_INBOUND_SECRET),
      mailgun: Boolean(env.MAILGUN_SIGNING_KEY),
    },
    maxRepliesPerHour: env.EMAIL_MAX_REPLIES_PER_HOUR,
    maxAttachmentBytes: env.EMAIL_MAX_ATTACHMENT_BYTES,
  };
}

/** Sends one e-mail from EMAIL_FROM through SMTP_URL now, and reports what the server said. */
export async function sendTestEmail(to: string, requestedBy: string) {
  const from = defaultSender();
  if (!env.SMTP_URL || !from) {
    return { sent: false, messageId: null, error: "Set SMTP_URL and EMAIL_FROM to send e-mail." };
  }
  const messageId = messageIdFor(`test${Date.now().toString(16)}`, domainOf(from.address));
  const text = `This is a test e-mail from Callboard, sent by ${requestedBy}.\n\nIf you can read this, SMTP works.`;
  try {
    await mailer().sendMail({ from, to, subject: "Callboard test e-mail", text, html: htmlOf(text), messageId });
    return { sent: true, messageId, error: null };
  } catch (error) {
    const e = error as { response?: string; message?: string };
    return { sent: false, messageId: null, error: (e.response ?? e.message ?? "unknown error").slice(0, 500) };
  }
}
