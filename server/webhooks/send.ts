// Outbound POSTs to URLs that people registered: webhook deliveries and agent actions. One request
// follows no redirects, ends at its timeout whatever stage it is in, connects only to addresses that
// passed the SSRF rule (ssrf.ts), and reads at most MAX_RESPONSE_BYTES of the answer.
import http from "node:http";
import https from "node:https";
import { env } from "@/lib/env";
import { guardedLookupFor, literalAddressProblem, type OutboundKind } from "./ssrf";

/** Enough for any tool result a model should read; a larger answer is cut here, not buffered whole. */
export const MAX_RESPONSE_BYTES = 16 * 1024;
const MAX_ERROR_BODY = 300;

/**
 * `status` is set when an answer came (of any status); `error` when none did (refused, unreachable,
 * timed out). `body` is the answer's first MAX_RESPONSE_BYTES, as UTF-8; `location` its Location header.
 */
export type PostResult = {
  status: number | null;
  body: string;
  location: string | null;
  durationMs: number;
  error: string | null;
  timedOut: boolean;
};

export type PostOptions = { timeoutMs: number; kind: OutboundKind; userAgent: string };

export function guardedPost(
  rawUrl: string,
  headers: Record<string, string>,
  body: string,
  { timeoutMs, kind, userAgent }: PostOptions,
): Promise<PostResult> {
  const started = Date.now();
  const result = (got: Partial<PostResult>): PostResult => ({
    status: null,
    body: "",
    location: null,
    error: null,
    timedOut: false,
    ...got,
    durationMs: Date.now() - started,
  });
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return Promise.resolve(result({ error: `The ${kind} URL is not a valid URL.` }));
  }
  const refused = literalAddressProblem(url, kind);
  if (refused) return Promise.resolve(result({ error: refused }));

  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(url, {
      method: "POST",
      headers: {
        ...headers,
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(body)),
        "user-agent": userAgent,
      },
      lookup: guardedLookupFor(kind),
    });
    const timer = setTimeout(() => {
      finish(result({ error: `No complete response within ${timeoutMs} ms.`, timedOut: true }));
      req.destroy();
    }, timeoutMs);
    req.on("error", (e) => finish(result({ error: e.message || "The request failed." })));
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const answer = (error: string | null = null) =>
        result({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString("utf8"),
          location: res.headers.location ?? null,
          error,
        });
      res.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.byteLength;
        // Enough read: answer now and drop the rest rather than wait for (or hold) an endless body.
        if (size >= MAX_RESPONSE_BYTES) {
          finish(answer());
          req.destroy();
        }
      });
      res.on("error", (e) => finish(answer(e.message)));
      res.on("end", () => finish(answer()));
    });
    req.end(body);
  });
}

/** Why an answer that came is not a success: a redirect (never followed) or an error status with its start. */
export function httpProblem(status: number, body: string, location: string | null): string | null {
  if (status >= 200 && status < 300) return null;
  if (status >= 300 && status < 400) {
    return `Redirects are not followed (HTTP ${status}${location ? ` to ${location}` : ""}).`;
  }
  const snippet = body.trim().slice(0, MAX_ERROR_BODY);
  return `HTTP ${status}${snippet ? `: ${snippet}` : ""}`;
}

export type AttemptResult = { ok: boolean; status: number | null; durationMs: number; error: string | null };

/** One HTTP attempt of a webhook delivery, timing out after WEBHOOK_TIMEOUT_MS. */
export async function postWebhook(rawUrl: string, headers: Record<string, string>, body: string): Promise<AttemptResult> {
  const timeoutMs = env.WEBHOOK_TIMEOUT_MS;
  const sent = await guardedPost(rawUrl, headers, body, { timeoutMs, kind: "webhook", userAgent: "Callboard-Webhooks/1.0" });
  const error = sent.timedOut
    ? `Timed out: no complete response within ${timeoutMs} ms.`
    : (sent.error ?? (sent.status === null ? null : httpProblem(sent.status, sent.body, sent.location)));
  return { ok: error === null, status: sent.status, durationMs: sent.durationMs, error };
}
