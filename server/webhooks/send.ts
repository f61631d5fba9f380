// One HTTP attempt of a webhook delivery: a POST that follows no redirects, times out after
// WEBHOOK_TIMEOUT_MS and connects only to addresses that passed the SSRF rule (ssrf.ts).
import http from "node:http";
import https from "node:https";
import { env } from "@/lib/env";
import { guardedLookup, literalAddressProblem } from "./ssrf";

export type AttemptResult = { ok: boolean; status: number | null; durationMs: number; error: string | null };

const MAX_ERROR_BODY = 300;

export function postWebhook(rawUrl: string, headers: Record<string, string>, body: string): Promise<AttemptResult> {
  const started = Date.now();
  const done = (status: number | null, error: string | null): AttemptResult => ({
    ok: error === null,
    status,
    durationMs: Date.now() - started,
    error,
  });
  const url = new URL(rawUrl);
  const refused = literalAddressProblem(url);
  if (refused) return Promise.resolve(done(null, refused));

  return new Promise((resolve) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(url, {
      method: "POST",
      headers: {
        ...headers,
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(body)),
        "user-agent": "Callboard-Webhooks/1.0",
      },
      lookup: guardedLookup,
    });
    // Whatever stage it is in (connecting, waiting, reading), the attempt ends at the timeout.
    const timer = setTimeout(() => {
      resolve(done(null, `Timed out: no complete response within ${env.WEBHOOK_TIMEOUT_MS} ms.`));
      req.destroy();
    }, env.WEBHOOK_TIMEOUT_MS);
    const finish = (result: AttemptResult) => {
      clearTimeout(timer);
      resolve(result);
    };
    req.on("error", (e) => finish(done(null, e.message || "The request failed.")));
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        if (text.length < MAX_ERROR_BODY) text += chunk;
      });
      res.on("error", (e) => finish(done(status, e.message)));
      res.on("end", () => {
        if (status >= 200 && status < 300) return finish(done(status, null));
        const snippet = text.trim().slice(0, MAX_ERROR_BODY);
        const why =
          status >= 300 && status < 400
            ? `Redirects are not followed (HTTP ${status}${res.headers.location ? ` to ${res.headers.location}` : ""}).`
            : `HTTP ${status}${snippet ? `: ${snippet}` : ""}`;
        finish(done(status, why));
      });
    });
    req.end(body);
  });
}
