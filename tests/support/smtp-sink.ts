// A real SMTP server on loopback (smtp-server, the library behind many MTAs' test suites) standing in
// for the operator's mail server: it takes Callboard's messages with their SMTP envelope and raw source,
// parsed with mailparser for assertions. `refuse` answers a recipient with an SMTP error (550 for good,
// 451 for a while), as real servers do.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SunkMail = { from: string; to: string[]; raw: string; parsed: ParsedMail; login: string | null };

export type Refusal = { code: number; message: string } | null;

export async function startSmtpSink() {
  const mails: SunkMail[] = [];
  const waiters: (() => void)[] = [];
  let refuse: (recipient: string) => Refusal = () => null;
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 60_000_000,
    onAuth(auth, _session, callback) {
      if (auth.username === "callboard" && auth.password === "smtp-secret") callback(null, { user: auth.username });
      else callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const refusal = refuse(address.address);
      if (refusal) callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks);
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: raw.toString("utf8"),
          parsed: await simpleParser(raw),
          login: typeof session.user === "string" ? session.user : null,
        });
        for (const wake of waiters.splice(0)) wake();
        callback();
      });
    },
  });
  // A client that dies mid-session (a test kills the app while it sends) resets its connection, and
  // smtp-server re-emits that as 'error' on the server: unheard, it would crash the test process.
  // What the tests check is what arrived; a half-sent message never does.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;

  /** Waits until a sunk mail matches, and answers it. */
  async function waitFor(match: (m: SunkMail) => boolean, timeoutMs = 20_000): Promise<SunkMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = mails.find(match);
      if (found) return found;
      if (Date.now() > deadline) {
        const seen = mails.map((m) => `${m.to.join(",")}: ${m.parsed.subject}`).join("; ");
        throw new Error(`no matching mail within ${timeoutMs} ms (seen: ${seen || "none"})`);
      }
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  return {
    port,
    url: `smtp://callboard:smtp-secret@127.0.0.1:${port}`,
    mails,
    waitFor,
    /** Mails sent to this address so far. */
    to: (address: string) => mails.filter((m) => m.to.includes(address)),
    refuse: (fn: (recipient: string) => Refusal) => {
      refuse = fn;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;
