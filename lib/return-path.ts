// Where to send a visitor after sign-in (`/sign-in?next=…`). Only a place on this site: an open
// redirect would let a phishing link bounce through our sign-in page to a look-alike site.
//
// Prefix checks on the raw text ("starts with / but not //") miss what URL parsers forgive: tabs and
// newlines are dropped anywhere, and a backslash counts as a slash, so "/\t/evil.example" is
// "//evil.example" to the browser. So the value is resolved the way the browser will resolve it, and
// kept only when it stays on `origin`.

/** A same-origin path (with query and fragment) for `next`, or "/" when it would leave `origin`. */
export function safeReturnPath(next: unknown, origin: string): string {
  if (typeof next !== "string" || next === "") return "/";
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(origin).origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The path must mean the same thing when the browser reads it on its own: "/.//evil.example" resolves
  // to the path "//evil.example", which alone is another host.
  return new URL(path, origin).href === url.href ? path : "/";
}
