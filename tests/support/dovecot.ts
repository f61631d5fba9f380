// A real IMAP server for the tests: Debian's Dovecot (dovecot-imapd; `npm test` installs it when run as
// root, the way it installs Chromium), started on a free loopback port with a throwaway configuration,
// user and maildir, and stopped afterwards. Plain IMAP on loopback: TLS is the mail provider's business.
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";
import { freePort } from "./app";

export const DOVECOT = "/usr/sbin/dovecot";
const NOBODY = 65534;

async function listening(port: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: "127.0.0.1", port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`dovecot did not listen on ${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startDovecot(user = "support@callboard.example", password = "imap-secret-123") {
  if (!existsSync(DOVECOT)) {
    throw new Error(
      `Dovecot is missing at ${DOVECOT}. Install it with: sudo apt-get install -y dovecot-imapd (npm test does, as root).`,
    );
  }
  const dir = mkdtempSync(path.join(tmpdir(), "callboard-dovecot-"));
  const port = await freePort();
  const root = process.getuid?.() === 0;
  // As root, mail belongs to nobody (Dovecot refuses uid 0); otherwise to whoever runs the tests.
  const uid = root ? NOBODY : (process.getuid?.() ?? NOBODY);
  const gid = root ? NOBODY : (process.getgid?.() ?? NOBODY);
  for (const sub of ["run", "state", "mail"]) mkdirSync(path.join(dir, sub));
  if (root) {
    // mkdtemp makes the folder private to root; the mail user must reach its maildir inside it.
    chmodSync(dir, 0o755);
    chownSync(path.join(dir, "mail"), uid, gid);
  }
  writeFileSync(path.join(dir, "users"), `${user}:{PLAIN}${password}\n`);
  const me = root ? null : (process.env.USER ?? null);
  writeFileSync(
    path.join(dir, "dovecot.conf"),
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
first_valid_uid = 1
mail_uid = ${uid}
mail_gid = ${gid}
${me ? `default_internal_user = ${me}\ndefault_login_user = ${me}` : "default_internal_user = dovecot\ndefault_login_user = dovenull"}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`,
  );
  let child: ChildProcess = spawn(DOVECOT, ["-F", "-c", path.join(dir, "dovecot.conf")], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const capture = (c: ChildProcess) => {
    c.stdout?.on("data", (d) => (output += d));
    c.stderr?.on("data", (d) => (output += d));
  };
  capture(child);
  try {
    await listening(port);
  } catch (error) {
    child.kill("SIGTERM");
    throw new Error(
      `${(error as Error).message}\n${output}\n${existsSync(path.join(dir, "dovecot.log")) ? readFileSync(path.join(dir, "dovecot.log"), "utf8") : ""}`,
    );
  }

  /** A client of the test's own, as a customer's mail server delivering into the mailbox would be. */
  async function client() {
    const c = new ImapFlow({ host: "127.0.0.1", port, secure: false, auth: { user, pass: password }, logger: false });
    await c.connect();
    return c;
  }

  async function append(raw: string | Buffer, folder = "INBOX") {
    const c = await client();
    try {
      await c.mailboxCreate(folder).catch(() => {});
      await c.append(folder, raw);
    } finally {
      await c.logout();
    }
  }

  /** UIDs and flags of the messages in a folder. */
  async function list(folder = "INBOX") {
    const c = await client();
    try {
      const status = await c.status(folder, { messages: true, unseen: true }).catch(() => false as const);
      if (!status) return { messages: 0, unseen: 0 };
      return { messages: status.messages ?? 0, unseen: status.unseen ?? 0 };
    } finally {
      await c.logout();
    }
  }

  return {
    port,
    url: (mailbox = "INBOX") => `imap://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${mailbox}`,
    append,
    list,
    /** Stops the server (a dropped connection, from the app's side). */
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
    /** Starts it again on the same port, with the same mailbox. */
    restart: async () => {
      child = spawn(DOVECOT, ["-F", "-c", path.join(dir, "dovecot.conf")], { stdio: ["ignore", "pipe", "pipe"] });
      capture(child);
      await listening(port);
    },
    log: () => (existsSync(path.join(dir, "dovecot.log")) ? readFileSync(path.join(dir, "dovecot.log"), "utf8") : "") + output,
  };
}
export type Dovecot = Awaited<ReturnType<typeof startDovecot>>;
