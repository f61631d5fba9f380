// Real e-mail conversations against the built app: outbound mail through a real SMTP server on loopback
// (tests/support/smtp-sink.ts), replies through the inbound webhook as Postmark and Mailgun post them,
// and the agent's answers (a loopback model) in the same thread: headers, threading, loop protection,
// bounces, SMTP refusals and header injection.
import { createHmac, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { newDatabase, prepareDatabase, type RunningApp, startApp, TEST_ADMIN } from "../support/app";
import { AGENT_ID, api, asSession, SKILL_ID, signIn } from "../support/api";
import { type FakeLlm, startFakeLlm } from "../support/fake-llm";
import { type SmtpSink, type SunkMail, startSmtpSink } from "../support/smtp-sink";

const SECRET = "postmark-inbound-secret-0123";
const MAILGUN_KEY = "key-mailgun-signing-0123456789";
const AGENT_ADDRESS = "ava@callboard.example";
const MAX_REPLIES = 4;

let llm: FakeLlm;
let sink: SmtpSink;
let app: RunningApp;
let drop: () => Promise<void>;

beforeAll(async () => {
  llm = await startFakeLlm();
  sink = await startSmtpSink();
  const db = await newDatabase(inject("dialect"));
  prepareDatabase(db.url);
  drop = db.drop;
  app = await startApp(db.url, {
    LLM_BASE_URL: llm.baseUrl,
    LLM_MODEL: "fake-model",
    SMTP_URL: sink.url,
    EMAIL_FROM: "Callboard Support <support@callboard.example>",
    EMAIL_INBOUND_SECRET: SECRET,
    MAILGUN_SIGNING_KEY: MAILGUN_KEY,
    EMAIL_MAX_REPLIES_PER_HOUR: String(MAX_REPLIES),
    EMAIL_MAX_ATTACHMENT_BYTES: "1000000",
  });
});

afterAll(async () => {
  await app?.stop();
  await drop?.();
  await sink?.close();
  await llm?.close();
});

type Line = {
  sid: string;
  sender: string;
  internal: boolean;
  content: string;
  status: string;
  externalId: string | null;
  error: string | null;
  email: any;
  mediaUrl: string;
};
const call = async (id: string) => (await api("GET", `/api/v1/calls/${id}`, undefined, {}, app.url)).body;
const lines = (c: Record<string, any>, sender: string): Line[] =>
  (c.messages as Line[]).filter((m) => m.sender === sender && !m.internal);

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value).slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const unique = () => randomBytes(4).toString("hex");
const newMessageId = () => `<${unique()}.${Date.now()}@mail.customer.example>`;

async function startEmail(customerEmail: string, extra: Record<string, unknown> = {}) {
  const res = await api(
    "POST",
    "/api/v1/calls",
    { agentId: AGENT_ID, skillId: SKILL_ID, channel: "email", customerName: "Nina Patel", customerEmail, ...extra },
    {},
    app.url,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

type Reply = {
  from: string;
  fromName?: string;
  to: string;
  subject: string;
  text: string;
  stripped?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  headers?: { Name: string; Value: string }[];
  attachments?: { Name: string; Content: string; ContentType: string }[];
};

/** A Postmark inbound post, shaped as Postmark sends it. */
function postmarkBody(r: Reply) {
  const messageId = r.messageId ?? newMessageId();
  return {
    FromName: r.fromName ?? "Nina Patel",
    From: r.from,
    FromFull: { Email: r.from, Name: r.fromName ?? "Nina Patel", MailboxHash: "" },
    To: r.to,
    ToFull: [{ Email: r.to, Name: "", MailboxHash: r.to.split("@")[0].split("+")[1] ?? "" }],
    Cc: "",
    CcFull: [],
    OriginalRecipient: r.to,
    Subject: r.subject,
    MessageID: "73e6d360-66eb-11e1-8e72-a8904824019b",
    ReplyTo: "",
    MailboxHash: r.to.split("@")[0].split("+")[1] ?? "",
    Date: new Date().toUTCString(),
    TextBody: r.text,
    HtmlBody: "",
    StrippedTextReply: r.stripped ?? "",
    Tag: "",
    Headers: [
      { Name: "Message-ID", Value: messageId },
      ...(r.inReplyTo ? [{ Name: "In-Reply-To", Value: r.inReplyTo }] : []),
      ...(r.references ? [{ Name: "References", Value: r.references }] : []),
      ...(r.headers ?? []),
    ],
    Attachments: r.attachments ?? [],
  };
}

const postmark = (body: unknown, token = SECRET) =>
  api("POST", `/api/email/inbound?token=${encodeURIComponent(token)}`, body, { authorization: "" }, app.url);

async function mailgun(fields: Record<string, string>, { key = MAILGUN_KEY, files = [] as File[] } = {}) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const token = randomBytes(25).toString("hex");
  const signature = createHmac("sha256", key)
    .update(timestamp + token)
    .digest("hex");
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...fields, timestamp, token, signature })) form.set(k, v);
  for (const [i, f] of files.entries()) form.set(`attachment-${i + 1}`, f);
  const res = await fetch(`${app.url}/api/email/inbound`, { method: "POST", body: form });
  return { status: res.status, body: await res.json() };
}

const header = (mail: SunkMail, name: string) => {
  const value = mail.parsed.headers.get(name.toLowerCase());
  return typeof value === "string" ? value : value === undefined ? undefined : JSON.stringify(value);
};

describe("e-mail out", () => {
  it("sends the opening line from the agent with its thread headers, and records the Message-ID", async () => {
    const customer = `nina.${unique()}@customer.example`;
    const created = await startEmail(customer, { customerOverride: { customFields: [{ name: "Order", value: "A-1042" }] } });
    expect(created).toMatchObject({ provider: "email", simulated: false, channel: "email", subject: "Order notifications" });

    const mail = await sink.waitFor((m) => m.to.includes(customer));
    expect(mail.login).toBe("callboard");
    expect(mail.parsed.from?.value[0]).toEqual({ name: "Ava", address: AGENT_ADDRESS });
    expect(mail.parsed.to && !Array.isArray(mail.parsed.to) && mail.parsed.to.value[0]).toEqual({
      name: "Nina Patel",
      address: customer,
    });
    expect(mail.parsed.subject).toBe("Order notifications");
    const replyTo = mail.parsed.replyTo?.value[0].address ?? "";
    expect(replyTo).toMatch(/^ava\+[0-9a-f]{20}@callboard\.example$/);
    // Bounces come back to the thread's plus-address too.
    expect(mail.from).toBe(replyTo);
    expect(mail.parsed.text?.trim()).toBe("Hello Nina, this is Ava calling about your recent order.");
    expect(mail.parsed.html).toContain("<p>Hello Nina, this is Ava calling about your recent order.</p>");
    expect(header(mail, "auto-submitted")).toBe("auto-generated");
    expect(mail.parsed.inReplyTo).toBeUndefined();

    const sent = await waitFor(
      () => call(created.id),
      (c) => c.status === "sent" && lines(c, "agent")[0]?.status === "sent",
    );
    const opener = lines(sent, "agent")[0];
    expect(opener.externalId).toBe(mail.parsed.messageId);
    expect(opener.email).toMatchObject({
      subject: "Order notifications",
      to: [`Nina Patel <${customer}>`],
      messageId: mail.parsed.messageId,
    });
  });

  it("a Postmark reply by the plus-address: the new text only, the original kept, the agent's answer in the thread", async () => {
    const customer = `omar.${unique()}@customer.example`;
    const created = await startEmail(customer, { customerName: "Omar Haddad" });
    const opener = await sink.waitFor((m) => m.to.includes(customer));
    const replyTo = opener.parsed.replyTo?.value[0].address ?? "";

    const theirId = newMessageId();
    llm.queueFor("Where is my parcel", { text: "Your parcel left our warehouse this morning." });
    const quoted = `Where is my parcel? It was due Monday.\n\nOn Mon, 7 Dec 2026 at 10:00, Ava <${AGENT_ADDRESS}> wrote:\n> Hello Omar, this is Ava calling about your recent order.\n`;
    const res = await postmark(
      postmarkBody({
        from: customer,
        fromName: "Omar Haddad",
        to: replyTo,
        subject: "Re: Order notifications",
        text: quoted,
        messageId: theirId,
        inReplyTo: opener.parsed.messageId,
        references: opener.parsed.messageId,
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ outcome: "answered", interactionId: created.id });

    const answer = await sink.waitFor((m) => m.to.includes(customer) && m.parsed.text?.includes("left our warehouse") === true);
    expect(answer.parsed.subject).toBe("Re: Order notifications");
    expect(answer.parsed.inReplyTo).toBe(theirId);
    expect(answer.parsed.references).toEqual([opener.parsed.messageId, theirId]);
    expect(answer.parsed.replyTo?.value[0].address).toBe(replyTo);
    expect(header(answer, "auto-submitted")).toBe("auto-replied");

    const live = await waitFor(
      () => call(created.id),
      (c) => lines(c, "agent").length === 2 && lines(c, "agent")[1].status === "sent",
    );
    expect(live.status).toBe("in-progress");
    const theirs = lines(live, "customer")[0];
    expect(theirs.content).toBe("Where is my parcel? It was due Monday.");
    expect(theirs.externalId).toBe(theirId);
    expect(theirs.email).toMatchObject({
      subject: "Re: Order notifications",
      from: `Omar Haddad <${customer}>`,
      hasOriginal: true,
    });
    // The model saw the new text, not the quoted history.
    const request = llm.requests.find((r) => JSON.stringify(r.messages).includes("Where is my parcel"));
    expect(JSON.stringify(request?.messages)).not.toContain("> Hello Omar");

    const original = await fetch(`${app.url}/api/v1/calls/${created.id}/messages/${theirs.sid}/original`, {
      headers: { authorization: `Basic ${Buffer.from("test-integrator:test-password-0123456789").toString("base64")}` },
    });
    expect(original.status).toBe(200);
    const text = await original.text();
    expect(text).toContain("> Hello Omar, this is Ava");
    expect(text).toContain(`message-id: ${theirId}`);
    const anonymous = await fetch(`${app.url}/api/v1/calls/${created.id}/messages/${theirs.sid}/original`);
    expect(anonymous.status).toBe(401);

    // The same post again (a provider's retry) is taken in once.
    const again = await postmark(
      postmarkBody({ from: customer, to: replyTo, subject: "Re: Order notifications", text: quoted, messageId: theirId }),
    );
    expect(again.body).toMatchObject({ duplicate: true, interactionId: created.id });
    await new Promise((r) => setTimeout(r, 1500));
    expect(lines(await call(created.id), "customer")).toHaveLength(1);
    expect(sink.to(customer)).toHaveLength(2);
  });

  it("a Mailgun reply matched by References alone; a forged signature is refused and stores nothing", async () => {
    const customer = `li.${unique()}@customer.example`;
    const created = await startEmail(customer, { customerName: "Li Wei" });
    const opener = await sink.waitFor((m) => m.to.includes(customer));
    const theirId = newMessageId();
    const fields = {
      recipient: AGENT_ADDRESS,
      sender: customer,
      from: `Li Wei <${customer}>`,
      To: `Ava <${AGENT_ADDRESS}>`,
      subject: "Re: Order notifications",
      "body-plain": "Can I change the address?\n\n> old quote",
      "stripped-text": "Can I change the address?",
      "message-headers": JSON.stringify([
        ["Message-Id", theirId],
        ["In-Reply-To", opener.parsed.messageId],
        ["References", opener.parsed.messageId],
      ]),
    };
    const forged = await mailgun(fields, { key: "not-the-key-0000000" });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe("forbidden");
    await new Promise((r) => setTimeout(r, 500));
    expect(lines(await call(created.id), "customer")).toHaveLength(0);

    llm.queueFor("change the address", { text: "Yes: reply with the new address and I will update it." });
    const ok = await mailgun(fields);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ outcome: "answered", interactionId: created.id });
    const answer = await sink.waitFor((m) => m.to.includes(customer) && m.parsed.text?.includes("new address") === true);
    expect(answer.parsed.inReplyTo).toBe(theirId);
    const c = await call(created.id);
    expect(lines(c, "customer")[0].content).toBe("Can I change the address?");
  });

  it("refuses Postmark posts without the secret (403, nothing stored) and other content types (415)", async () => {
    const customer = `x.${unique()}@customer.example`;
    const body = postmarkBody({ from: customer, to: AGENT_ADDRESS, subject: "Hello", text: "Hi there" });
    const wrong = await postmark(body, "wrong-secret-wrong-secret");
    expect(wrong.status).toBe(403);
    const none = await api("POST", "/api/email/inbound", body, { authorization: "" }, app.url);
    expect(none.status).toBe(403);
    const list = await api("GET", `/api/v1/calls?q=${encodeURIComponent(customer)}`, undefined, {}, app.url);
    expect(list.body).toEqual([]);
    const text = await api(
      "POST",
      `/api/email/inbound?token=${SECRET}`,
      "hello",
      { authorization: "", "content-type": "text/plain" },
      app.url,
    );
    expect(text.status).toBe(415);
  });

  it("a new e-mail to an agent's address starts an inbound interaction answered under Re: its subject", async () => {
    const customer = `grace.${unique()}@customer.example`;
    const theirId = newMessageId();
    llm.queueFor("refund for order B-77", { text: "I have started your refund for order B-77." });
    const res = await postmark(
      postmarkBody({
        from: customer,
        fromName: "Grace Hopper",
        to: AGENT_ADDRESS,
        subject: "Refund please",
        text: "I'd like a refund for order B-77.",
        messageId: theirId,
      }),
    );
    expect(res.body.outcome).toBe("answered");
    const id = res.body.interactionId as string;
    const answer = await sink.waitFor((m) => m.to.includes(customer));
    expect(answer.parsed.subject).toBe("Re: Refund please");
    expect(answer.parsed.inReplyTo).toBe(theirId);
    expect(answer.parsed.text).toContain("started your refund");
    const c = await waitFor(
      () => call(id),
      (v) => lines(v, "agent").length === 1,
    );
    expect(c).toMatchObject({
      direction: "inbound",
      channel: "email",
      provider: "email",
      customerEmail: customer,
      customerName: "Grace Hopper",
      status: "in-progress",
    });
  });
});

describe("e-mail loops and abuse", () => {
  it("auto-replies and the agent's own address are recorded, never answered", async () => {
    const customer = `ooo.${unique()}@customer.example`;
    const created = await startEmail(customer);
    const opener = await sink.waitFor((m) => m.to.includes(customer));
    const replyTo = opener.parsed.replyTo?.value[0].address ?? "";
    const before = llm.requests.length;
    const vacation = await postmark(
      postmarkBody({
        from: customer,
        to: replyTo,
        subject: "Automatic reply: Order notifications",
        text: "I am out of the office until Monday.",
        headers: [{ Name: "Auto-Submitted", Value: "auto-replied" }],
      }),
    );
    expect(vacation.body).toMatchObject({ outcome: "auto-reply", interactionId: created.id });
    const bulk = await postmark(
      postmarkBody({
        from: customer,
        to: replyTo,
        subject: "Newsletter",
        text: "Our news",
        headers: [{ Name: "Precedence", Value: "bulk" }],
      }),
    );
    expect(bulk.body.outcome).toBe("auto-reply");
    const own = await postmark(
      postmarkBody({ from: AGENT_ADDRESS, fromName: "Ava", to: replyTo, subject: "Re: x", text: "Echo" }),
    );
    expect(own.body.outcome).toBe("auto-reply");
    // With no thread, a machine's message starts nothing.
    const stray = await postmark(
      postmarkBody({
        from: `bot.${unique()}@customer.example`,
        to: AGENT_ADDRESS,
        subject: "Auto",
        text: "x",
        headers: [{ Name: "Auto-Submitted", Value: "auto-generated" }],
      }),
    );
    expect(stray.body).toMatchObject({ outcome: "auto-reply", interactionId: null });

    await new Promise((r) => setTimeout(r, 1500));
    const c = await call(created.id);
    expect(lines(c, "customer").map((m) => m.email.notAnswered)).toEqual([
      "an automatic message (Auto-Submitted: auto-replied)",
      "an automatic message (Precedence: bulk)",
      "a message from the agent's own address",
    ]);
    expect(lines(c, "agent")).toHaveLength(1);
    expect(c.status).toBe("sent");
    expect(llm.requests.length).toBe(before);
    expect(sink.to(customer)).toHaveLength(1);
  });

  it(`answers at most EMAIL_MAX_REPLIES_PER_HOUR (${MAX_REPLIES}) times per thread and hour`, async () => {
    const customer = `loop.${unique()}@customer.example`;
    const created = await startEmail(customer);
    const opener = await sink.waitFor((m) => m.to.includes(customer));
    const replyTo = opener.parsed.replyTo?.value[0].address ?? "";
    const outcomes: string[] = [];
    for (let i = 1; i <= MAX_REPLIES; i++) {
      const res = await postmark(
        postmarkBody({ from: customer, to: replyTo, subject: "Re: Order notifications", text: `Message number ${i}` }),
      );
      outcomes.push(res.body.outcome);
      if (res.body.outcome === "answered") {
        await waitFor(
          () => call(created.id),
          (c) => lines(c, "agent").length === i + 1 && lines(c, "agent")[i].status === "sent",
        );
      }
    }
    expect(outcomes).toEqual([...Array(MAX_REPLIES - 1).fill("answered"), "rate-limited"]);
    const c = await call(created.id);
    expect(c.messages.some((m: Line) => m.internal && m.content.includes(`answered ${MAX_REPLIES} times`))).toBe(true);
  });

  it("header injection through a subject template, a customer's name or a decoded subject is impossible", async () => {
    const agent = await api(
      "POST",
      "/api/v1/agents",
      {
        name: "Iris",
        email: "iris@callboard.example",
        skillIds: [SKILL_ID],
        initialMessage: "Hi {{firstName}}",
        emailSubject: "Order {{Order}}",
      },
      {},
      app.url,
    );
    expect(agent.status, JSON.stringify(agent.body)).toBe(201);
    const customer = `crlf.${unique()}@customer.example`;
    const res = await api(
      "POST",
      "/api/v1/calls",
      {
        agentId: agent.body.id,
        skillId: SKILL_ID,
        channel: "email",
        customerName: "Eve",
        customerEmail: customer,
        customerOverride: { customFields: [{ name: "Order", value: "A-1\r\nBcc: victim@evil.example\r\nX-Injected: yes" }] },
      },
      {},
      app.url,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.subject).toBe("Order A-1 Bcc: victim@evil.example X-Injected: yes");
    const mail = await sink.waitFor((m) => m.to.includes(customer));
    expect(mail.to).toEqual([customer]);
    expect(mail.parsed.headers.has("bcc")).toBe(false);
    expect(mail.parsed.headers.has("x-injected")).toBe(false);
    expect(mail.raw).not.toMatch(/^Bcc:/im);
    expect(mail.parsed.subject).toBe("Order A-1 Bcc: victim@evil.example X-Injected: yes");

    // A customer's encoded-word subject and display name that decode to CR/LF.
    const sender = `mallory.${unique()}@customer.example`;
    const evil = "Hello\r\nBcc: victim@evil.example";
    const inbound = await postmark(
      postmarkBody({
        from: sender,
        fromName: `Mallory\r\nX-Injected: yes`,
        to: "iris@callboard.example",
        subject: evil,
        text: "Hi",
      }),
    );
    expect(inbound.body.outcome).toBe("answered");
    const answer = await sink.waitFor((m) => m.to.includes(sender));
    expect(answer.to).toEqual([sender]);
    expect(answer.parsed.headers.has("bcc")).toBe(false);
    expect(answer.parsed.headers.has("x-injected")).toBe(false);
    expect(answer.parsed.subject).toBe("Re: Hello Bcc: victim@evil.example");
  });
});

describe("e-mail delivery outcomes", () => {
  it("an SMTP 550 makes the interaction undelivered with the server's reason; a 451 is retried", async () => {
    const gone = `gone.${unique()}@customer.example`;
    const flaky = `flaky.${unique()}@customer.example`;
    let flakyTries = 0;
    sink.refuse((rcpt) => {
      if (rcpt === gone) return { code: 550, message: "5.1.1 <gone>: Recipient address rejected: User unknown" };
      if (rcpt === flaky && ++flakyTries === 1) return { code: 451, message: "4.7.1 Try again later" };
      return null;
    });
    try {
      const refused = await startEmail(gone);
      const ended = await waitFor(
        () => call(refused.id),
        (c) => c.status === "undelivered",
      );
      expect(ended.endReason).toContain("550");
      expect(ended.endReason).toContain("User unknown");
      expect(lines(ended, "agent")[0]).toMatchObject({ status: "undelivered" });
      expect(lines(ended, "agent")[0].error).toContain("550");

      const retried = await startEmail(flaky);
      const mail = await sink.waitFor((m) => m.to.includes(flaky));
      expect(flakyTries).toBe(2);
      const c = await waitFor(
        () => call(retried.id),
        (v) => v.status === "sent",
      );
      expect(lines(c, "agent")[0].externalId).toBe(mail.parsed.messageId);
    } finally {
      sink.refuse(() => null);
    }
  });

  it("a bounce (a DSN to the thread's address) marks the message undelivered and ends the thread", async () => {
    const customer = `bounce.${unique()}@customer.example`;
    const created = await startEmail(customer);
    const opener = await sink.waitFor((m) => m.to.includes(customer));
    const replyTo = opener.parsed.replyTo?.value[0].address ?? "";
    const dsn = [
      "This is the mail system at host mx.customer.example.",
      "",
      "Reporting-MTA: dns; mx.customer.example",
      "",
      `Final-Recipient: rfc822; ${customer}`,
      "Action: failed",
      "Status: 5.1.1",
      `Diagnostic-Code: smtp; 550 5.1.1 <${customer}>: Recipient address rejected: User unknown`,
      "",
      `From: Ava <${AGENT_ADDRESS}>`,
      `Message-ID: ${opener.parsed.messageId}`,
    ].join("\n");
    const res = await postmark(
      postmarkBody({
        from: "MAILER-DAEMON@mx.customer.example",
        fromName: "Mail Delivery System",
        to: replyTo,
        subject: "Undelivered Mail Returned to Sender",
        text: dsn,
        headers: [
          { Name: "Auto-Submitted", Value: "auto-replied" },
          { Name: "Content-Type", Value: 'multipart/report; report-type=delivery-status; boundary="b"' },
        ],
      }),
    );
    expect(res.body).toMatchObject({ outcome: "bounce", interactionId: created.id });
    const c = await call(created.id);
    expect(c.status).toBe("undelivered");
    expect(c.endReason).toContain("5.1.1");
    expect(lines(c, "agent")[0]).toMatchObject({ status: "undelivered" });
  });

  it("staff take over: their reply goes out in the thread, from the agent's address under their name", async () => {
    const customer = `staff.${unique()}@customer.example`;
    const created = await startEmail(customer);
    const opener = await sink.waitFor((m) => m.to.includes(customer));
    const replyTo = opener.parsed.replyTo?.value[0].address ?? "";
    const theirId = newMessageId();
    llm.queueFor("speak to someone", { text: "Of course, one moment." });
    await postmark(
      postmarkBody({
        from: customer,
        to: replyTo,
        subject: "Re: Order notifications",
        text: "Can I speak to someone?",
        messageId: theirId,
      }),
    );
    await sink.waitFor((m) => m.to.includes(customer) && m.parsed.text?.includes("one moment") === true);
    const staff = await api(
      "POST",
      `/api/v1/calls/${created.id}/messages`,
      { content: "Hi, Sam here from the support team." },
      {},
      app.url,
    );
    expect(staff.status, JSON.stringify(staff.body)).toBe(201);
    const mail = await sink.waitFor((m) => m.to.includes(customer) && m.parsed.text?.includes("Sam here") === true);
    expect(mail.parsed.from?.value[0].address).toBe(AGENT_ADDRESS);
    expect(mail.parsed.from?.value[0].name).toBe("test-integrator");
    expect(mail.parsed.subject).toBe("Re: Order notifications");
    expect(mail.parsed.references).toContain(theirId);
    expect(mail.parsed.references?.[0]).toBe(opener.parsed.messageId);
    expect(header(mail, "auto-submitted")).toBeUndefined();
    const c = await waitFor(
      () => call(created.id),
      (v) => lines(v, "staff")[0]?.status === "sent",
    );
    expect(c.takenOverBy).toMatchObject({ name: "test-integrator" });
  });

  it("attachments: kept up to the size limit and linked as mediaUrl; larger ones listed, not kept", async () => {
    const customer = `files.${unique()}@customer.example`;
    const small = Buffer.from("%PDF-1.4 invoice");
    const big = randomBytes(1_200_000);
    const res = await postmark(
      postmarkBody({
        from: customer,
        to: AGENT_ADDRESS,
        subject: "Invoice attached",
        text: "Here is the invoice.",
        attachments: [
          { Name: "invoice.pdf", Content: small.toString("base64"), ContentType: "application/pdf" },
          { Name: "photo.raw", Content: big.toString("base64"), ContentType: "image/x-raw" },
        ],
      }),
    );
    expect(res.body.outcome).toBe("answered");
    const c = await call(res.body.interactionId);
    const first = lines(c, "customer")[0];
    expect(first.mediaUrl).toMatch(/\/api\/v1\/attachments\/[0-9a-f-]{36}$/);
    expect(first.email.attachments).toEqual([
      { filename: "invoice.pdf", contentType: "application/pdf", size: small.length, url: first.mediaUrl, note: null },
      expect.objectContaining({ filename: "photo.raw", size: big.length, url: null, note: expect.stringContaining("Not kept") }),
    ]);
    const file = await fetch(first.mediaUrl, {
      headers: { authorization: `Basic ${Buffer.from("test-integrator:test-password-0123456789").toString("base64")}` },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toContain("attachment");
    expect(Buffer.from(await file.arrayBuffer()).equals(small)).toBe(true);
    expect((await fetch(first.mediaUrl)).status).toBe(401);
  });
});

describe("the e-mail channel's settings", () => {
  it("shows SMTP, IMAP and the webhook URL to admins without credentials, and sends a test e-mail", async () => {
    const { jar } = await signIn(TEST_ADMIN.email, TEST_ADMIN.password, app.url);
    const admin = asSession(jar, app.url);
    const channel = await api("GET", "/api/v1/email/channel", undefined, admin, app.url);
    expect(channel.status).toBe(200);
    expect(channel.body).toMatchObject({
      smtp: {
        configured: true,
        server: `smtp://127.0.0.1:${sink.port}`,
        defaultFrom: "Callboard Support <support@callboard.example>",
      },
      imap: { configured: false, running: false },
      inbound: { url: `${app.url}/api/email/inbound`, postmark: true, mailgun: true },
      maxRepliesPerHour: MAX_REPLIES,
    });
    expect(JSON.stringify(channel.body)).not.toContain("smtp-secret");
    // API credentials cannot read it (a dashboard admin's session only).
    expect((await api("GET", "/api/v1/email/channel", undefined, {}, app.url)).status).toBe(403);

    const to = `admin.${unique()}@customer.example`;
    const sent = await api("POST", "/api/v1/email/test", { to }, admin, app.url);
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({ sent: true, error: null });
    const mail = await sink.waitFor((m) => m.to.includes(to));
    expect(mail.parsed.subject).toBe("Callboard test e-mail");
    expect(mail.parsed.messageId).toBe(sent.body.messageId);
    const bad = await api("POST", "/api/v1/email/test", { to: "not an address" }, admin, app.url);
    expect(bad.status).toBe(422);
  });
});
