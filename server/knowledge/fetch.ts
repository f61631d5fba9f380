// Fetches a URL source once, under the webhooks' SSRF rule (server/webhooks/ssrf.ts): every connection,
// including each redirect's, goes only to an address that passed the rule, so a public page that
// redirects to a private address is refused. Bounded in size, redirects and time.
import http from "node:http";
import https from "node:https";
import { guardedLookupFor, literalAddressProblem } from "@/server/webhooks/ssrf";
import { ParseError } from "./parse";

const MAX_REDIRECTS = 3;
const TIMEOUT_MS = 20_000;

export type Fetched = { bytes: Buffer; contentType: string; finalUrl: string };

type Hop = { status: number; location: string | null; contentType: string; bytes: Buffer };

function getOnce(url: URL, maxBytes: number, deadline: number): Promise<Hop> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, hop?: Hop) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error instanceof ParseError ? error : new ParseError(`The URL could not be fetched: ${error.message}`));
      else resolve(hop as Hop);
      req.destroy();
    };
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(url, {
      method: "GET",
      headers: {
        "user-agent": "Callboard-Knowledge/1.0",
        accept: "text/html, text/markdown, text/plain, text/csv, application/pdf;q=0.9, */*;q=0.1",
      },
      lookup: guardedLookupFor("knowledge"),
    });
    const timer = setTimeout(
      () => finish(new ParseError(`The URL did not answer completely within ${TIMEOUT_MS / 1000} seconds.`)),
      Math.max(0, deadline - Date.now()),
    );
    req.on("error", (e) => finish(e));
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      const contentType = String(res.headers["content-type"] ?? "");
      res.on("error", (e) => finish(e));
      if (status >= 300 && status < 400) {
        finish(null, { status, location: res.headers.location ?? null, contentType, bytes: Buffer.alloc(0) });
        return;
      }
      const tooLarge = () => new ParseError(`The page is larger than the ${maxBytes}-byte limit.`);
      if (Number(res.headers["content-length"] ?? "0") > maxBytes) {
        finish(tooLarge());
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > maxBytes) finish(tooLarge());
        else chunks.push(chunk);
      });
      res.on("end", () => finish(null, { status, location: null, contentType, bytes: Buffer.concat(chunks) }));
    });
    req.end();
  });
}

/** GETs the URL, following at most MAX_REDIRECTS redirects, each checked like the first request. */
export async function fetchSource(rawUrl: string, maxBytes: number): Promise<Fetched> {
  const deadline = Date.now() + TIMEOUT_MS;
  let url = new URL(rawUrl);
  for (let hop = 0; ; hop++) {
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new ParseError("The URL must use http or https.");
    const refused = literalAddressProblem(url, "knowledge");
    if (refused) throw new ParseError(refused);
    const got = await getOnce(url, maxBytes, deadline);
    if (got.status >= 300 && got.status < 400) {
      if (!got.location) throw new ParseError(`The URL answered ${got.status} without a Location.`);
      if (hop >= MAX_REDIRECTS) throw new ParseError(`The URL redirected more than ${MAX_REDIRECTS} times.`);
      url = new URL(got.location, url);
      continue;
    }
    if (got.status < 200 || got.status >= 300) throw new ParseError(`The URL answered HTTP ${got.status}.`);
    return { bytes: got.bytes, contentType: got.contentType, finalUrl: url.toString() };
  }
}
