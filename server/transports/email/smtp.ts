// The SMTP side: one nodemailer transport for SMTP_URL, and how its answers map onto the engine's
// outcomes. A 5xx reply is the server's final word (no such mailbox, rejected as spam): the message is
// undelivered and retrying will not help. A 4xx reply, a timeout or a dropped connection is temporary,
// and the engine's worker retries the delivery with backoff.
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { DeliveryRefused } from "../types";
import { type Address, parseMailbox } from "./headers";

type Mailer = ReturnType<typeof nodemailer.createTransport>;
const globalForSmtp = globalThis as unknown as { callboardSmtp?: { url: string; mailer: Mailer } };

export const smtpConfigured = () => Boolean(env.SMTP_URL);

export function mailer(): Mailer {
  const url = env.SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set.");
  if (globalForSmtp.callboardSmtp?.url !== url) {
    // Short timeouts: a stuck server fails the attempt, which is retried, instead of holding the job.
    globalForSmtp.callboardSmtp = {
      url,
      mailer: nodemailer.createTransport(url, {
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
      } as never),
    };
  }
  return globalForSmtp.callboardSmtp.mailer;
}

/** EMAIL_FROM, parsed; null when unset or unusable. */
export const defaultSender = (): Address | null => (env.EMAIL_FROM ? parseMailbox(env.EMAIL_FROM) : null);

type SmtpError = { responseCode?: number; response?: string; code?: string; message?: string };

/** The server's reply without the SMTP framing, short enough for a status line. */
function replyOf(error: SmtpError): string {
  return (error.response ?? error.message ?? "no reply").replace(/\s+/g, " ").trim().slice(0, 400);
}

/** Refused for good, or thrown again for the worker to retry. */
export function refusedOrThrow(error: unknown): never {
  const e = (error ?? {}) as SmtpError;
  const code = e.responseCode;
  if (e.code === "EAUTH") {
    throw new DeliveryRefused(
      `The SMTP server did not accept Callboard's login (check SMTP_URL): ${replyOf(e)}`,
      String(code ?? "EAUTH"),
      "failed",
    );
  }
  if (code !== undefined && code >= 500 && code < 600) {
    throw new DeliveryRefused(`The mail server refused the message: ${replyOf(e)}`, String(code), "undelivered");
  }
  throw new Error(`The mail server could not take the message now (${code ?? e.code ?? "no answer"}): ${replyOf(e)}`);
}
