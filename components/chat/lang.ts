// The chat's language: the conversation's own when the API names one, else the visitor's browser's
// (Accept-Language on the server, navigator.language in the browser). Only well-formed language tags
// get through: the value ends up in a `lang` attribute and in Intl calls.

/** A canonical BCP 47 tag, or null when `tag` is none. */
export function languageTag(tag: string | null | undefined): string | null {
  if (!tag || tag.length > 35) return null;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? null;
  } catch {
    return null;
  }
}

/** The first language of an Accept-Language header ("de-CH,de;q=0.9,en;q=0.8" → "de-CH"). */
export function preferredLanguage(acceptLanguage: string | null | undefined, fallback = "en"): string {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.split(";").map((s) => s.trim());
      const q = params.find((p) => p.startsWith("q="));
      return { tag, q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((l) => l.tag && l.tag !== "*" && Number.isFinite(l.q) && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const valid = languageTag(tag);
    if (valid) return valid;
  }
  return fallback;
}
