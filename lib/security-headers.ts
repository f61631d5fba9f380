// Security headers for every page and API answer; proxy.ts adds them to each response.
//
// Pages get a nonce-based policy: Next reads the nonce from the request's Content-Security-Policy header
// and puts it on its own <script> and <style> tags, so nothing inline needs 'unsafe-inline', and
// 'strict-dynamic' lets those scripts load the rest of the bundle. Styles set from script (React's
// `style` prop after hydration, Swagger UI on /docs) are not inline markup and pass; a `style`
// attribute in server-rendered HTML would not, and the e2e console check would say so. Zod's eval probe
// is switched off in instrumentation-client.ts. API answers are data, never a document to render, so
// their policy allows nothing at all.
//
// No dashboard page may be framed by another site (clickjacking). The customer's chat pages (/chat/**,
// kind "chat") are the exception: the web chat widget shows them in an iframe on the customer's own
// site, so their frame-ancestors is WEBCHAT_ALLOWED_ORIGINS and they send no X-Frame-Options (which knows
// only DENY and SAMEORIGIN, and would win over frame-ancestors in browsers that predate it). They hold
// no staff data and act only with the conversation's own token, so framing them risks nothing a link
// to them would not. They also show the agent's picture, which lives wherever staff put it (https).

export type HeaderKind = "page" | "chat" | "api";

function pagePolicy(nonce: string, dev: boolean, frameAncestors: string, images: string): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its error stacks; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Development tools inject styles that carry no nonce (Next's CSP guide allows them there).
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    `img-src ${images}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** One source of WEBCHAT_ALLOWED_ORIGINS as a CSP source expression, or null when it is not one. */
function ancestorSource(token: string): string | null {
  if (token === "*" || token === "'self'") return token;
  // A scheme on its own ("https:"): every site served over it.
  if (/^https?:$/i.test(token)) return token.toLowerCase();
  // An origin, possibly with a wildcard subdomain ("https://*.example.com"). Anything more (a path, a
  // query, a quote or a semicolon that would end the directive) is not an origin and is dropped.
  const wildcard = token.includes("://*.");
  let url: URL;
  try {
    url = new URL(wildcard ? token.replace("://*.", "://wildcard.") : token);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol) || `${url.origin}/` !== url.href) return null;
  // URL accepts hosts such as "shop.example;", which would end the directive.
  if (!/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/.test(url.hostname)) return null;
  return wildcard ? url.origin.replace("://wildcard.", "://*.") : url.origin;
}

/**
 * WEBCHAT_ALLOWED_ORIGINS (space-separated origins, "*" for any site) as a frame-ancestors value.
 * A list with no usable origin allows no site: a typo must not open the chat to everyone.
 */
export function chatFrameAncestors(allowed: string): string {
  const tokens = allowed.split(/\s+/).filter(Boolean);
  if (tokens.includes("'none'")) return "'none'";
  const sources = [...new Set(tokens.map(ancestorSource).filter((s): s is string => s !== null))];
  return sources.length ? sources.join(" ") : "'none'";
}

export function contentSecurityPolicy(kind: HeaderKind, nonce = "", dev = false, chatAncestors = "'none'"): string {
  if (kind === "api") return API_POLICY;
  if (kind === "chat") return pagePolicy(nonce, dev, chatAncestors, "'self' data: blob: https:");
  return pagePolicy(nonce, dev, "'none'", "'self' data: blob:");
}

/**
 * The headers for one response. `https` is whether PUBLIC_URL is https (then browsers should insist on it).
 * `chatAncestors` is the frame-ancestors value for kind "chat" (chatFrameAncestors of the setting).
 */
export function securityHeaders(options: {
  kind: HeaderKind;
  nonce?: string;
  https: boolean;
  dev?: boolean;
  chatAncestors?: string;
}): Headers {
  const headers = new Headers({
    "Content-Security-Policy": contentSecurityPolicy(options.kind, options.nonce, options.dev, options.chatAncestors),
    "X-Content-Type-Options": "nosniff",
    // Full URLs (call ids, chat tokens) stay on this site; other sites get nothing. Same-origin fetches
    // keep their Origin header, which the CSRF check needs ("no-referrer" would turn it into "null").
    "Referrer-Policy": "same-origin",
  });
  // For browsers that predate frame-ancestors. The chat may be framed, and X-Frame-Options cannot say by whom.
  if (options.kind !== "chat") headers.set("X-Frame-Options", "DENY");
  if (options.https) headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return headers;
}
