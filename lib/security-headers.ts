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
// No page may be framed by another site (clickjacking). An issue to come opens the chat widget's page
// to other sites: give that path its own frame-ancestors here.

export type HeaderKind = "page" | "api";

function pagePolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its error stacks; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Development tools inject styles that carry no nonce (Next's CSP guide allows them there).
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function contentSecurityPolicy(kind: HeaderKind, nonce = "", dev = false): string {
  return kind === "page" ? pagePolicy(nonce, dev) : API_POLICY;
}

/** The headers for one response. `https` is whether PUBLIC_URL is https (then browsers should insist on it). */
export function securityHeaders(options: { kind: HeaderKind; nonce?: string; https: boolean; dev?: boolean }): Headers {
  const headers = new Headers({
    "Content-Security-Policy": contentSecurityPolicy(options.kind, options.nonce, options.dev),
    "X-Content-Type-Options": "nosniff",
    // Full URLs (call ids) stay on this site; other sites get nothing. Same-origin fetches keep their
    // Origin header, which the CSRF check needs ("no-referrer" would turn it into "null").
    "Referrer-Policy": "same-origin",
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
  });
  if (options.https) headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return headers;
}
