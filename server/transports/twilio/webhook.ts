// Every request from Twilio passes here first. Its X-Twilio-Signature is checked against the URL Twilio
// called, rebuilt from PUBLIC_URL (what Twilio was given), never from the Host header a forger controls.
// A forged or unsigned request gets 403 and nothing is read from it; rejections are logged at most once a
// minute, so a flood cannot fill the log. Then the query and the form are parsed with the webhook's schema.
import twilio from "twilio";
import type { z } from "zod";
import { env, publicUrl } from "@/lib/env";
import { ApiError, handleApiError } from "@/lib/errors";
import { parseBodyValue, parseQuery, readForm } from "@/lib/http";
import { twilioConfigured } from "./client";

let lastLogged = 0;
let suppressed = 0;

function logRejection(path: string, why: string) {
  const now = Date.now();
  if (now - lastLogged < 60_000) {
    suppressed++;
    return;
  }
  const more = suppressed ? ` (and ${suppressed} more in the last minute)` : "";
  console.warn(`[callboard] twilio: refused a webhook to ${path}: ${why}${more}`);
  lastLogged = now;
  suppressed = 0;
}

/** The URL Twilio signed: PUBLIC_URL plus the path and query it called. */
export function signedUrl(req: Request): string {
  const { pathname, search } = new URL(req.url);
  return `${publicUrl()}${pathname}${search}`;
}

export function twilioWebhook<Q extends z.ZodType, B extends z.ZodType>(
  schemas: { query: Q; body: B },
  fn: (args: { query: z.output<Q>; body: z.output<B>; req: Request }) => Promise<Response>,
) {
  return async (req: Request): Promise<Response> => {
    try {
      if (!twilioConfigured() || !env.TWILIO_AUTH_TOKEN) {
        throw new ApiError("not_found", "Twilio is not configured on this server (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN).");
      }
      const form = await readForm(req);
      const signature = req.headers.get("x-twilio-signature");
      const url = signedUrl(req);
      if (!signature || !twilio.validateRequest(env.TWILIO_AUTH_TOKEN, signature, url, form)) {
        logRejection(new URL(req.url).pathname, signature ? "the signature does not match" : "no X-Twilio-Signature");
        throw new ApiError("forbidden", "This request is not signed by Twilio for this server's PUBLIC_URL.");
      }
      return await fn({ req, query: parseQuery(req, schemas.query), body: parseBodyValue(form, schemas.body) });
    } catch (error) {
      return handleApiError(error);
    }
  };
}

/** A TwiML answer. */
export const twiml = (xml: string) => new Response(xml, { headers: { "Content-Type": "text/xml; charset=utf-8" } });
