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

function getOnce(
  url: URL,
  maxBytes: number,
  deadline: number,
): Promise<{ status: number; location: string | null; contentType: string; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
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
      () => {
        req.destroy(new ParseError(`The URL did not answer completely within ${TIMEOUT_MS / 1000} seconds.`));
      },
      Math.max(0, deadline - Date.now()),
    );
    req.on("error", (e) => {
      clearTimeout(timer);
      reject(e instanceof ParseError ? e : new ParseError(`The URL could not be fetched: ${e.message}`));
    });
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      const contentType = String(res.headers["content-type"] ?? "");
      if (status >= 300 && status < 400) {
        clearTimeout(timer);
        res.resume();
        resolve({ status, location: res.headers.location ?? null, contentType, bytes: Buffer.alloc(0) });
        req.destroy();
        return;
      }
      const declared = Number(res.headers["content-length"] ?? "0");
      if (declared > maxBytes) {
        req.destroy(new ParseError(`The page is ${declared} bytes; the limit is ${maxBytes}.`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > maxBytes) req.destroy(new ParseError(`The page is larger than the ${maxBytes}-byte limit.`));
        else chunks.push(chunk);
      });
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status, location: null, contentType, bytes: Buffer.concat(chunks) });
      });
      res.on("error", (e) => {
        clearTimeout(timer);
        reject(new ParseError(`The URL could not be fetched: ${e.message}`));
      });
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
