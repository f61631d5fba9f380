// E-mail replies over IMAP, against a real Dovecot on loopback (tests/support/dovecot.ts): the customer's
// reply is delivered into the mailbox, Callboard sees it (IDLE), answers in the thread through the SMTP
// sink, and marks it processed. Restarts, a killed process and a dropped connection never answer a
// message twice; bounces, malformed MIME and oversized messages are recorded and never stop the poller.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { newDatabase, prepareDatabase, type RunningApp, startApp } from "../support/app";
import { AGENT_ID, api, SKILL_ID } from "../support/api";
import { type Dovecot, startDovecot } from "../support/dovecot";
import { type FakeLlm, startFakeLlm } from "../support/fake-llm";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink";

const AGENT_ADDRESS = "ava@callboard.example";

let llm: FakeLlm;
let sink: SmtpSink;
let imap: Dovecot;
let db: { url: string; drop: () => Promise<void> };
let app: RunningApp;

const env = () => ({
  LLM_BASE_URL: llm.baseUrl,
  LLM_MODEL: "fake-model",
  SMTP_URL: sink.url,
  IMAP_URL: imap.url("INBOX"),
  // Longer than any wait below: answers within it prove the poller was woken by IDLE, not by its timer.
  IMAP_POLL_SECONDS: "30",
  EMAIL_MAX_MESSAGE_BYTES: "300000",
});

beforeAll(async () => {
  llm = await startFakeLlm();
  sink = await startSmtpSink();
  imap = await startDovecot();
  db = await newDatabase(inject("dialect"));
  prepareDatabase(db.url);
  app = await startApp(db.url, env());
});

afterAll(async () => {
  await app?.stop();
  await db?.drop();
  await imap?.stop();
  await sink?.close();
  await llm?.close();
});

type Line = { sender: string; internal: boolean; content: string; status: string; externalId: string | null };
const call = async (id: string) => (await api("GET", `/api/v1/calls/${id}`, undefined, {}, app.url)).body;
const lines = (c: Record<string, any>, sender: string): Line[] =>
  (c.messages as Line[]).filter((m) => m.sender === sender && !m.internal);

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value).slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

const unique = () => randomBytes(4).toString("hex");
const messageId = () => `<${unique()}.${Date.now()}@mail.customer.example>`;

/** A customer's e-mail as their mail server would deliver it, CRLF line ends. */
function mime(h: Record<string, string>, body: string): string {
  const head = Object.entries({ "MIME-Version": "1.0", Date: new Date().toUTCString(), ...h })
    .map(([k, v]) => `${k}: ${v}`)
    .join("\r\n");
  return `${head}\r\n\r\n${body.replace(/\r?\n/g, "\r\n")}\r\n`;
}

const plain = { "Content-Type": "text/plain; charset=utf-8" };

async function calls(customer: string) {
  return (await api("GET", `/api/v1/calls?q=${encodeURIComponent(customer)}`, undefined, {}, app.url)).body as Record<
    string,
    any
  >[];
}

describe("e-mail over IMAP", () => {
  it("a reply delivered to the mailbox is answered in the thread, and marked read", async () => {
    const customer = `nina.${unique()}@customer.example`;
    const created = await api(
      "POST",
      "/api/v1/calls",
      { agentId: AGENT_ID, skillId: SKILL_ID, channel: "email", customerName: "Nina Patel", customerEmail: customer },
      {},
      app.url,
    );
    expect(created.status).toBe(200);
    const opener = await sink.waitFor((m) => m.to.includes(customer));
    const replyTo = opener.parsed.replyTo?.value[0].address ?? "";
    const theirs = messageId();
    llm.queueFor("my parcel is late", { text: "I am sorry about that: it arrives tomorrow." });
    await imap.append(
      mime(
        {
          From: `Nina Patel <${customer}>`,
          To: replyTo,
          Subject: "Re: Order notifications",
          "Message-ID": theirs,
          "In-Reply-To": opener.parsed.messageId ?? "",
          References: opener.parsed.messageId ?? "",
          ...plain,
        },
        `Hi, my parcel is late.\n\nOn Sun, 6 Dec 2026, Ava <${AGENT_ADDRESS}> wrote:\n> Hello Nina\n`,
      ),
    );
    const answer = await sink.waitFor(
      (m) => m.to.includes(customer) && m.parsed.text?.includes("arrives tomorrow") === true,
      15_000,
    );
    expect(answer.parsed.inReplyTo).toBe(theirs);
    expect(answer.parsed.references).toEqual([opener.parsed.messageId, theirs]);
    expect(answer.parsed.subject).toBe("Re: Order notifications");
    const c = await call(created.body.id);
    expect(lines(c, "customer")[0]).toMatchObject({ content: "Hi, my parcel is late.", externalId: theirs });
    await waitFor(
      () => imap.list(),
      (s) => s.unseen === 0,
    );
  });

  // Restarting the app takes most of these tests' time (seconds on a loaded machine): they get 3 minutes.
  it("after a restart, a message answered but not yet marked is marked, not answered again", { timeout: 180_000 }, async () => {
    const customer = `omar.${unique()}@customer.example`;
    llm.queueFor("opening hours", { text: "We are open from nine to five." });
    await imap.append(
      mime(
        { From: `Omar <${customer}>`, To: AGENT_ADDRESS, Subject: "Opening hours", "Message-ID": messageId(), ...plain },
        "What are your opening hours?",
      ),
    );
    await sink.waitFor((m) => m.to.includes(customer), 15_000);
    await app.stop();
    // The moment a crash can leave behind: answered, but the \Seen flag never stored.
    const c = await imapClientUnseeAll();
    expect(c).toBeGreaterThan(0);
    app = await startApp(db.url, env(), app.port);
    await waitFor(
      () => imap.list(),
      (s) => s.unseen === 0,
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(sink.to(customer)).toHaveLength(1);
    const threads = await calls(customer);
    expect(threads).toHaveLength(1);
    expect(lines(threads[0], "customer")).toHaveLength(1);
  });

  it("killed mid-poll and restarted, every new e-mail is taken in and answered exactly once", { timeout: 180_000 }, async () => {
    const customers = Array.from({ length: 4 }, (_, i) => `burst${i}.${unique()}@customer.example`);
    for (const [i, customer] of customers.entries()) {
      await imap.append(
        mime(
          { From: customer, To: AGENT_ADDRESS, Subject: `Question ${i}`, "Message-ID": messageId(), ...plain },
          `Question number ${i}?`,
        ),
      );
    }
    // Killed as soon as the first answer left: the others are mid-flight or not yet read.
    await sink.waitFor((m) => customers.some((c) => m.to.includes(c)), 15_000);
    await app.kill();
    app = await startApp(db.url, env(), app.port);
    // On Postgres the killed worker's leases run out first (15 s).
    for (const customer of customers) await sink.waitFor((m) => m.to.includes(customer), 45_000);
    await waitFor(
      () => imap.list(),
      (s) => s.unseen === 0,
    );
    await new Promise((r) => setTimeout(r, 1500));
    for (const customer of customers) {
      const threads = await calls(customer);
      expect(threads, customer).toHaveLength(1);
      expect(lines(threads[0], "customer")).toHaveLength(1);
      expect(lines(threads[0], "agent")).toHaveLength(1);
      // A process killed after the SMTP server took an answer but before that was recorded sends it again
      // on restart: the same message, with the same Message-ID, which mail clients show once.
      const sent = new Set(sink.to(customer).map((m) => m.parsed.messageId));
      expect([...sent], customer).toEqual([lines(threads[0], "agent")[0].externalId]);
    }
  });

  it("bounces, malformed MIME and oversized messages are recorded; the poller carries on, also after a dropped connection", {
    timeout: 120_000,
  }, async () => {
    const customer = `gone.${unique()}@customer.example`;
    const created = await api(
      "POST",
      "/api/v1/calls",
      { agentId: AGENT_ID, skillId: SKILL_ID, channel: "email", customerName: "Gone", customerEmail: customer },
      {},
      app.url,
    );
    const opener = await sink.waitFor((m) => m.to.includes(customer));
    const replyTo = opener.parsed.replyTo?.value[0].address ?? "";
    const boundary = `b${unique()}`;
    await imap.append(
      mime(
        {
          From: "Mail Delivery System <MAILER-DAEMON@mx.customer.example>",
          To: replyTo,
          Subject: "Undelivered Mail Returned to Sender",
          "Message-ID": messageId(),
          "Auto-Submitted": "auto-replied",
          "Content-Type": `multipart/report; report-type=delivery-status; boundary="${boundary}"`,
        },
        [
          `--${boundary}`,
          "Content-Type: text/plain",
          "",
          "Your message could not be delivered.",
          `--${boundary}`,
          "Content-Type: message/delivery-status",
          "",
          "Reporting-MTA: dns; mx.customer.example",
          "",
          `Final-Recipient: rfc822; ${customer}`,
          "Action: failed",
          "Status: 5.1.1",
          `Diagnostic-Code: smtp; 550 5.1.1 <${customer}>: User unknown`,
          `--${boundary}`,
          "Content-Type: text/rfc822-headers",
          "",
          `From: Ava <${AGENT_ADDRESS}>`,
          `Message-ID: ${opener.parsed.messageId}`,
          `--${boundary}--`,
        ].join("\n"),
      ),
    );
    const bounced = await waitFor(
      () => call(created.body.id),
      (c) => c.status === "undelivered",
      15_000,
    );
    expect(bounced.endReason).toContain("5.1.1");
    expect(lines(bounced, "agent")[0].status).toBe("undelivered");

    // Broken MIME: a multipart without its boundary, NUL bytes, a header with no name, invalid base64.
    await imap.append(
      Buffer.concat([
        Buffer.from(
          `From: <broken@customer.example>\r\nTo: ${AGENT_ADDRESS}\r\n: no name\r\nContent-Type: multipart/mixed\r\nContent-Transfer-Encoding: base64\r\n\r\n`,
        ),
        Buffer.from([0, 0, 0xff, 0xfe, 0x0d]),
        Buffer.from("\r\n--\r\n!!!not base64!!!\r\n"),
      ]),
    );
    // Over EMAIL_MAX_MESSAGE_BYTES (300 kB here): not downloaded, recorded as too large.
    const huge = `huge.${unique()}@customer.example`;
    await imap.append(
      mime({ From: huge, To: AGENT_ADDRESS, Subject: "Huge", "Message-ID": messageId(), ...plain }, "x".repeat(400_000)),
    );

    // The server goes away and comes back: the poller reconnects and takes the next message in.
    await waitFor(
      () => imap.list(),
      (s) => s.unseen === 0,
      15_000,
    );
    await imap.stop();
    await new Promise((r) => setTimeout(r, 500));
    await imap.restart();
    const after = `after.${unique()}@customer.example`;
    await imap.append(
      mime(
        { From: after, To: AGENT_ADDRESS, Subject: "Still there?", "Message-ID": messageId(), ...plain },
        "Are you still there?",
      ),
    );
    await sink.waitFor((m) => m.to.includes(after), 30_000);
    expect(await calls(huge)).toEqual([]);
    expect(app.process.exitCode).toBeNull();
  });
});

/** Clears \Seen on every message in INBOX, as if the app had died before storing it; answers how many. */
async function imapClientUnseeAll(): Promise<number> {
  const { ImapFlow } = await import("imapflow");
  const url = new URL(imap.url());
  const c = new ImapFlow({
    host: "127.0.0.1",
    port: imap.port,
    secure: false,
    auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    logger: false,
  });
  await c.connect();
  const lock = await c.getMailboxLock("INBOX");
  try {
    const all = (await c.search({ all: true }, { uid: true })) || [];
    if (all.length) await c.messageFlagsRemove(all, ["\\Seen"], { uid: true });
    return all.length;
  } finally {
    lock.release();
    await c.logout();
  }
}
