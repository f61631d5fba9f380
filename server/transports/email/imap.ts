// The IMAP poller: started with the worker (instrumentation.ts) when IMAP_URL is set. It keeps one
// connection to the mailbox, waits in IDLE (imapflow falls back to polling where the server has no IDLE,
// every IMAP_POLL_SECONDS), and takes in each new message through ./receive.ts. A processed message is
// moved to IMAP_PROCESSED_FOLDER, or marked \Seen; the receipt table, written with what the message
// caused, is what guarantees "once": a restart between answering and flagging finds the receipt and only
// flags. Bad MIME, an oversized message or a dropped connection is logged and never stops the process.
import { createHash } from "node:crypto";
import { ImapFlow } from "imapflow";
import { env } from "@/lib/env";
import { createWakeableSleep } from "@/server/engine/loop";
import { headerText, messageIdsIn } from "./headers";
import { fromMime } from "./inbound-email";
import { type Received, receiveEmail, recordOnly } from "./receive";

export type ImapSettings = {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  mailbox: string;
  rejectUnauthorized: boolean;
};

/** imaps://user:pass@host:993/INBOX (TLS) or imap://…:143 (STARTTLS when offered); ?tls.rejectUnauthorized=false. */
export function parseImapUrl(value: string): ImapSettings {
  const url = new URL(value);
  const secure = url.protocol === "imaps:";
  const mailbox = decodeURIComponent(url.pathname.replace(/^\/+/, "")) || "INBOX";
  return {
    host: url.hostname,
    port: Number(url.port) || (secure ? 993 : 143),
    secure,
    user: decodeURIComponent(url.username),
    pass: decodeURIComponent(url.password),
    mailbox,
    rejectUnauthorized: url.searchParams.get("tls.rejectUnauthorized") !== "false",
  };
}

const BATCH = 50;

type PollerState = {
  running: boolean;
  stop?: () => Promise<void>;
  connected: boolean;
  lastError: string | null;
  lastPoll: Date | null;
};
const globalForImap = globalThis as unknown as { callboardImap?: PollerState };

/** For the settings page: whether the poller is connected, and its last error. */
export function imapStatus() {
  const state = globalForImap.callboardImap;
  return {
    configured: Boolean(env.IMAP_URL),
    running: Boolean(state?.running),
    connected: Boolean(state?.connected),
    lastError: state?.lastError ?? null,
    lastPoll: state?.lastPoll?.toISOString() ?? null,
  };
}

const keyOfSource = (source: Buffer) => `sha256:${createHash("sha256").update(source).digest("hex")}`;

/** One message by UID: taken in (or recorded as too large or malformed). Database errors are thrown. */
async function takeMessage(client: ImapFlow, uid: number): Promise<Received> {
  const meta = await client.fetchOne(String(uid), { uid: true, size: true, envelope: true }, { uid: true });
  if (!meta) return { outcome: "malformed", interactionId: null, reason: "The message disappeared." };
  const from = meta.envelope?.from?.[0]?.address ?? "";
  const subject = headerText(meta.envelope?.subject ?? "", 250);
  if ((meta.size ?? 0) > env.EMAIL_MAX_MESSAGE_BYTES) {
    const id = messageIdsIn(meta.envelope?.messageId)[0];
    return recordOnly({
      key: id ?? `imap-too-large:${from}:${String(meta.envelope?.date ?? "")}:${meta.size}`,
      source: "imap",
      outcome: "too-large",
      reason: `${meta.size} bytes, over EMAIL_MAX_MESSAGE_BYTES (${env.EMAIL_MAX_MESSAGE_BYTES}); not downloaded`,
      from,
      subject,
    });
  }
  const full = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
  const source = full ? full.source : undefined;
  if (!source) return { outcome: "malformed", interactionId: null, reason: "The message has no source." };
  let mail: Awaited<ReturnType<typeof fromMime>>;
  try {
    mail = await fromMime(source);
  } catch (error) {
    return recordOnly({
      key: keyOfSource(source),
      source: "imap",
      outcome: "malformed",
      reason: `The MIME could not be read: ${error instanceof Error ? error.message.slice(0, 200) : "unknown error"}`,
      from,
      subject,
    });
  }
  return receiveEmail(mail);
}

async function processPending(client: ImapFlow, settings: ImapSettings) {
  const lock = await client.getMailboxLock(settings.mailbox);
  try {
    // With a processed folder everything left in the mailbox is new; without one, the unread messages are.
    const found = await client.search(env.IMAP_PROCESSED_FOLDER ? { all: true } : { seen: false }, { uid: true });
    for (const uid of (found || []).slice(0, BATCH)) {
      await takeMessage(client, uid);
      if (env.IMAP_PROCESSED_FOLDER) await client.messageMove(String(uid), env.IMAP_PROCESSED_FOLDER, { uid: true });
      else await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
    }
    return (found || []).length > BATCH;
  } finally {
    lock.release();
  }
}

export async function startImapPoller() {
  if (!env.IMAP_URL || globalForImap.callboardImap?.running) return;
  const settings = parseImapUrl(env.IMAP_URL);
  const state: PollerState = { running: true, connected: false, lastError: null, lastPoll: null };
  globalForImap.callboardImap = state;
  const wait = createWakeableSleep();
  // New mail while a batch runs must not wait for the next poll: remember it.
  let dirty = false;
  const nudge = () => {
    dirty = true;
    wait.wake();
  };
  let lastLog = 0;
  const logError = (error: unknown) => {
    if (Date.now() - lastLog < 60_000) return;
    lastLog = Date.now();
    console.error(`[callboard] imap: ${settings.host}:${settings.port}:`, error instanceof Error ? error.message : error);
  };
  const pollMs = env.IMAP_POLL_SECONDS * 1000;
  let client: ImapFlow | null = null;

  const loop = (async () => {
    let backoff = 1000;
    while (state.running) {
      try {
        client = new ImapFlow({
          host: settings.host,
          port: settings.port,
          secure: settings.secure,
          auth: { user: settings.user, pass: settings.pass },
          tls: { rejectUnauthorized: settings.rejectUnauthorized },
          logger: false,
          maxIdleTime: pollMs,
          missingIdleCommand: "NOOP",
          autoIdleDelay: Math.min(1000, pollMs),
        });
        const connection = client;
        // An error event without a listener would crash the process; the loop reconnects instead.
        connection.on("error", (error: Error) => {
          state.lastError = error.message;
          nudge();
        });
        connection.on("close", nudge);
        connection.on("exists", nudge);
        await connection.connect();
        await connection.mailboxOpen(settings.mailbox);
        if (env.IMAP_PROCESSED_FOLDER) await connection.mailboxCreate(env.IMAP_PROCESSED_FOLDER).catch(() => {});
        state.connected = true;
        state.lastError = null;
        backoff = 1000;
        while (state.running && connection.usable) {
          dirty = false;
          const more = await processPending(connection, settings);
          state.lastPoll = new Date();
          if (!more && !dirty) await wait.sleep(pollMs);
        }
      } catch (error) {
        state.lastError = error instanceof Error ? error.message : String(error);
        logError(error);
      } finally {
        state.connected = false;
        await client?.logout().catch(() => {});
        client?.close();
      }
      if (state.running) {
        await wait.sleep(backoff);
        backoff = Math.min(backoff * 2, 60_000);
      }
    }
  })();

  state.stop = async () => {
    state.running = false;
    wait.wake();
    await client?.logout().catch(() => {});
    await loop;
  };
  console.log(`[callboard] imap: watching ${settings.mailbox} on ${settings.host}:${settings.port}`);
}

/** Stops polling (graceful shutdown), waiting for a fetch in progress up to `deadline`. */
export async function stopImapPoller(deadline: number) {
  const state = globalForImap.callboardImap;
  if (!state?.running || !state.stop) return;
  await Promise.race([state.stop(), new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
}
