// The one place that reads process.env. Everything else imports `env` from here.
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .default("file:./data/callboard.db")
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), {
      message: "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    }),
  /** How long a new Postgres connection may take before the request answers 503 database_unavailable. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  /** How long `npm start` waits for the database to come up before it gives up (a compose stack starting). */
  DATABASE_WAIT_SECONDS: z.coerce.number().int().min(0).max(3_600).default(60),
  /** On SIGTERM: how long in-flight requests and jobs may take to finish before the instance exits anyway. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.string().url().optional(),
  API_USERNAME: z.string().min(1).optional(),
  API_PASSWORD: z.string().min(8, "API_PASSWORD must be at least 8 characters").optional(),
  ADMIN_EMAIL: z.string().email().optional(),
  ADMIN_PASSWORD: z.string().min(8, "ADMIN_PASSWORD must be at least 8 characters").optional(),
  /** Secret for signing recording URLs and sessions. Generated and stored in the database when unset. */
  APP_SECRET: z.string().min(16).optional(),
  /** Run the interaction worker in this process. Several instances on Postgres may all run it. */
  WORKER_ENABLED: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  WORKER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  /** The largest share of wall time the worker takes while it has a backlog (the API keeps the rest). */
  WORKER_MAX_SHARE: z.coerce.number().min(0.05).max(1).default(0.5),
  /**
   * How often live event streams poll the database for changes they were not told about. The fallback
   * only: the in-process bus and, on Postgres, LISTEN/NOTIFY deliver changes at once.
   */
  EVENTS_POLL_MS: z.coerce.number().int().min(50).max(3_600_000).default(1000),
  /** Live event streams one API credential or staff member may hold open at once (429 above). 0: no cap. */
  SSE_MAX_STREAMS_PER_PRINCIPAL: z.coerce.number().int().min(0).max(1_000_000).default(20),
  /** Bearer token for GET /api/metrics (Prometheus). Without it, only a signed-in admin may read the metrics. */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  /** Simulated time between two conversation steps, in milliseconds. */
  SIMULATOR_STEP_MS: z.coerce.number().int().min(0).max(60_000).default(1500),
  /** Rows the CSV export reads per query while it streams (GET /api/v1/calls.csv). */
  CSV_EXPORT_PAGE_ROWS: z.coerce.number().int().min(1).max(10_000).default(500),
  /** Non-terminal interactions with no activity for this long are ended by the sweeper. */
  STALE_INTERACTION_MINUTES: z.coerce.number().min(0.05).max(10_080).default(30),
  RECORDING_URL_TTL_SECONDS: z.coerce.number().int().min(10).max(604_800).default(86_400),
  /** Where synthesised recordings are kept. Default: `recordings/` beside the SQLite file, or ./data/recordings. */
  RECORDINGS_DIR: z.string().min(1).optional(),
  /** Requests per minute for one recording link (429 with Retry-After above it). 0 turns limiting off. */
  RECORDING_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(10_000_000).default(120),
  /** Requests per minute per API credential (429 with Retry-After above it). 0 turns limiting off. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(10_000_000).default(6000),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(65_536),
  /** First webhook retry delay; each later one doubles (with jitter), up to six hours apart. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(5000),
  /** How long a webhook delivery keeps being retried before it is marked failed. */
  WEBHOOK_RETRY_WINDOW_SECONDS: z.coerce.number().int().min(1).max(604_800).default(86_400),
  /** Per-request timeout of a webhook delivery. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** The most webhook endpoints that can be registered; each one is fanned out to and sent to. */
  WEBHOOK_MAX_ENDPOINTS: z.coerce.number().int().min(1).max(10_000).default(50),
  /** Password hashes computed at once (each takes 128 MiB and most of a core for a few hundred ms). */
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** Password hashes that may wait for a turn; beyond that, sign-in answers 503 with Retry-After. */
  PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).max(10_000).default(16),
  /**
   * Callboard sits behind a reverse proxy that sets X-Forwarded-For and X-Forwarded-Proto. Only then are
   * those headers believed: otherwise any client could pick its own address (and dodge the sign-in throttle).
   */
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  /**
   * Any OpenAI-compatible server (OpenAI, Ollama http://localhost:11434/v1, vLLM, llama.cpp, LM Studio).
   * Unset: agents use the scripted brain.
   */
  LLM_BASE_URL: z.string().url("LLM_BASE_URL must be a URL such as http://localhost:11434/v1").optional(),
  LLM_API_KEY: z.string().min(1).optional(),
  /** The model agents use unless they name their own. */
  LLM_MODEL: z.string().min(1).default("gpt-4o-mini"),
  /** How long one model request may take before it is retried. */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** Attempts per agent turn (timeouts, 5xx, malformed tool calls) before the interaction goes to staff. */
  LLM_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  /** Agent turns after which a conversation ends or goes to staff, so a loop cannot run forever. */
  LLM_MAX_TURNS: z.coerce.number().int().min(1).max(1000).default(30),
  /** The model's price per 1,000 prompt tokens, for `cost` on the call object (0: not priced). */
  LLM_PRICE_PER_1K_INPUT: z.coerce.number().min(0).max(1000).default(0),
  /** The model's price per 1,000 completion tokens. */
  LLM_PRICE_PER_1K_OUTPUT: z.coerce.number().min(0).max(1000).default(0),
  /** The currency of those prices (ISO 4217). */
  LLM_PRICE_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, "LLM_PRICE_CURRENCY must be a currency code such as USD.")
    .default("USD"),
  /** Origins allowed to frame the web chat (frame-ancestors), space-separated; "*" allows any site. */
  WEBCHAT_ALLOWED_ORIGINS: z.string().min(1).default("*"),
  /** How long an outbound chat link (links.chat) stays valid. */
  CHAT_LINK_TTL_SECONDS: z.coerce.number().int().min(60).max(31_536_000).default(604_800),
  /** Customer messages per minute per conversation and per address (429 above). 0 turns limiting off. */
  CHAT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(20),
  /** Twilio account; with TWILIO_AUTH_TOKEN it turns Twilio on for call, sms and whatsapp. */
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, "TWILIO_ACCOUNT_SID is the account's SID: AC followed by 32 hex digits.")
    .optional(),
  /** Verifies Twilio's webhook signatures (and authenticates REST calls unless an API key is set). */
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  /** An API key for REST calls instead of the auth token (webhooks are still verified with the token). */
  TWILIO_API_KEY_SID: z
    .string()
    .regex(/^SK[0-9a-fA-F]{32}$/, "TWILIO_API_KEY_SID starts with SK.")
    .optional(),
  TWILIO_API_KEY_SECRET: z.string().min(1).optional(),
  /** Where the SDK's REST requests go instead of https://api.twilio.com (a regional or recording proxy, tests). */
  TWILIO_API_BASE_URL: z.string().url("TWILIO_API_BASE_URL must be a URL").default("https://api.twilio.com"),
  /** The default WhatsApp sender, whatsapp:+E164; an agent's own phone is used when it has none. */
  TWILIO_WHATSAPP_FROM: z
    .string()
    .regex(/^whatsapp:\+[1-9]\d{6,14}$/, "TWILIO_WHATSAPP_FROM looks like whatsapp:+14155550100.")
    .optional(),
  /** A Messaging Service SID (MG…) used instead of a From number for SMS. */
  TWILIO_MESSAGING_SERVICE_SID: z
    .string()
    .regex(/^MG[0-9a-fA-F]{32}$/, "TWILIO_MESSAGING_SERVICE_SID starts with MG.")
    .optional(),
  /**
   * How long after an interaction ends Twilio's price is first fetched for `cost`. Twilio rates calls and
   * messages some time after the end; while it has not, the wait doubles (up to an hour), 12 tries in all.
   */
  TWILIO_PRICE_POLL_MS: z.coerce.number().int().min(100).max(86_400_000).default(60_000),
  /**
   * The SMTP server e-mail interactions are sent through: smtp://user:pass@host:587 (STARTTLS) or
   * smtps://user:pass@host:465. Set, it turns real e-mail on for the email channel. Query options go to
   * nodemailer (?tls.rejectUnauthorized=false for a self-signed server).
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL looks like smtp://user:password@smtp.example.com:587 or smtps://…:465.")
    .optional(),
  /** The default sender, "Support <support@example.com>"; an agent's own e-mail address is used when it has one. */
  EMAIL_FROM: z.string().min(3).max(300).optional(),
  /**
   * The mailbox replies arrive in: imaps://user:pass@imap.example.com:993/INBOX (or imap://… with STARTTLS).
   * Set, Callboard watches it (IDLE, or polling where IDLE is missing) and answers in the thread.
   */
  IMAP_URL: z
    .string()
    .regex(/^imaps?:\/\/[^\s]+$/, "IMAP_URL looks like imaps://user:password@imap.example.com:993/INBOX.")
    .optional(),
  /** Processed messages are moved to this folder; unset, they are marked as read (\\Seen) and left in place. */
  IMAP_PROCESSED_FOLDER: z.string().min(1).max(200).optional(),
  /** How often the mailbox is checked when the server has no IDLE, and at most how long IDLE waits. */
  IMAP_POLL_SECONDS: z.coerce.number().min(0.05).max(3600).default(60),
  /** The agent's replies per e-mail thread and hour, so two robots cannot mail each other forever. */
  EMAIL_MAX_REPLIES_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(10),
  /** Postmark's inbound webhook: POST {PUBLIC_URL}/api/email/inbound?token=<this>. */
  EMAIL_INBOUND_SECRET: z.string().min(16, "EMAIL_INBOUND_SECRET must be at least 16 characters").optional(),
  /** Mailgun's HTTP webhook signing key: inbound route posts are verified with it (HMAC-SHA256). */
  MAILGUN_SIGNING_KEY: z.string().min(8).optional(),
  /** Attachments of inbound e-mails up to this size are kept (linked as mediaUrl); larger ones are listed, not kept. */
  EMAIL_MAX_ATTACHMENT_BYTES: z.coerce.number().int().min(0).max(100_000_000).default(10_000_000),
  /** The largest inbound e-mail taken in (a webhook body, an IMAP message); larger ones are recorded as too large. */
  EMAIL_MAX_MESSAGE_BYTES: z.coerce.number().int().min(10_000).max(200_000_000).default(50_000_000),
  /**
   * Semantic search in knowledge bases: any OpenAI-compatible /v1/embeddings (OpenAI, Ollama
   * http://localhost:11434/v1). Unset: lexical search only; set: search fuses the lexical and semantic rankings.
   */
  EMBEDDINGS_BASE_URL: z.string().url("EMBEDDINGS_BASE_URL must be a URL such as http://localhost:11434/v1").optional(),
  EMBEDDINGS_API_KEY: z.string().min(1).optional(),
  EMBEDDINGS_MODEL: z.string().min(1).default("text-embedding-3-small"),
  /**
   * A passage found only by meaning must be at least this similar (cosine) to the question, so a question
   * the documents do not cover finds nothing instead of the least unrelated passage. Model-dependent.
   */
  EMBEDDINGS_MIN_SIMILARITY: z.coerce.number().min(-1).max(1).default(0.3),
  /** Knowledge bases: the largest file (or fetched URL) one source may be. */
  KNOWLEDGE_MAX_FILE_BYTES: z.coerce.number().int().min(1000).max(100_000_000).default(20_000_000),
  /** Knowledge bases: how many sources one knowledge base may hold. */
  KNOWLEDGE_MAX_SOURCES: z.coerce.number().int().min(1).max(100_000).default(500),
  /** Knowledge bases: the total size of one knowledge base's sources. */
  KNOWLEDGE_MAX_TOTAL_BYTES: z.coerce.number().int().min(1000).max(10_000_000_000).default(200_000_000),
  /** Allow webhook URLs on loopback/private/link-local addresses (local development and tests only). */
  WEBHOOK_ALLOW_PRIVATE_URLS: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
});

export type Env = z.infer<typeof envSchema>;

function loadEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env = loadEnv();

export type Dialect = "sqlite" | "postgresql";
export const dialect: Dialect = env.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgresql";

/** A URL without its trailing slashes. A loop, not /\/+$/: that pattern backtracks quadratically on a long run of slashes. */
export function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url[end - 1] === "/") end--;
  return url.slice(0, end);
}

export function publicUrl(): string {
  return withoutTrailingSlashes(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`);
}
