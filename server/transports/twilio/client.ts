// The Twilio REST client, made once from the environment. TWILIO_API_BASE_URL redirects every request of
// the official SDK (which has no base-URL option) through a RequestClient subclass that rewrites
// https://api.twilio.com to it, so a regional or recording proxy, or the tests' loopback Twilio, gets
// exactly what Twilio would.
import twilio from "twilio";
import RequestClient from "twilio/lib/base/RequestClient";
import { env, withoutTrailingSlashes } from "@/lib/env";

const TWILIO_API = "https://api.twilio.com";

export const twilioConfigured = () => Boolean(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN);

/** A Twilio REST URL, moved to TWILIO_API_BASE_URL. */
export function rebase(uri: string): string {
  const base = withoutTrailingSlashes(env.TWILIO_API_BASE_URL);
  return uri.startsWith(TWILIO_API) ? base + uri.slice(TWILIO_API.length) : uri;
}

class RebasingClient extends RequestClient {
  request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request({ ...opts, uri: rebase(opts.uri) });
  }
}

type TwilioClient = ReturnType<typeof twilio>;
let client: TwilioClient | undefined;

export function twilioClient(): TwilioClient {
  if (!twilioConfigured()) throw new Error("Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN).");
  if (!client) {
    const apiKey = env.TWILIO_API_KEY_SID && env.TWILIO_API_KEY_SECRET;
    client = apiKey
      ? twilio(env.TWILIO_API_KEY_SID, env.TWILIO_API_KEY_SECRET, {
          accountSid: env.TWILIO_ACCOUNT_SID,
          httpClient: new RebasingClient({ timeout: 15_000 }),
        })
      : twilio(env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN, { httpClient: new RebasingClient({ timeout: 15_000 }) });
  }
  return client;
}

/** Basic auth for what the SDK does not fetch itself (recordings, media). */
export function basicAuth(): string {
  const user = env.TWILIO_API_KEY_SID && env.TWILIO_API_KEY_SECRET ? env.TWILIO_API_KEY_SID : env.TWILIO_ACCOUNT_SID;
  const pass = env.TWILIO_API_KEY_SID && env.TWILIO_API_KEY_SECRET ? env.TWILIO_API_KEY_SECRET : env.TWILIO_AUTH_TOKEN;
  return `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;
}

/** The error Twilio's REST API answered with: its HTTP status, code and message. */
export type TwilioFailure = { status: number | null; code: string | null; message: string };

export function twilioFailure(error: unknown): TwilioFailure {
  const e = error as { status?: number; code?: number | string; message?: string };
  return {
    status: typeof e?.status === "number" ? e.status : null,
    code: e?.code === undefined || e?.code === null ? null : String(e.code),
    message: (e?.message ?? String(error)).slice(0, 300),
  };
}

/** 4xx (but 429) means Twilio refused this request for good; 5xx, 429 and network errors may pass later. */
export const isPermanent = (f: TwilioFailure) => f.status !== null && f.status >= 400 && f.status < 500 && f.status !== 429;
