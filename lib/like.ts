// Literal text search with LIKE on both dialects. Prisma's `contains` wraps the term in `%…%` but
// does not escape the term, so a search for "_" or "%" would match everything. `likeTerm` escapes
// them with a backslash, which Postgres honours by default. SQLite's LIKE has no escape character
// unless the SQL says ESCAPE, which Prisma never writes, so the SQLite connection replaces the
// built-in like() with `sqliteLike`, which honours the same backslash escapes.

/** The search term with LIKE's wildcards (and the escape character itself) made literal. */
export const likeTerm = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

type Token = { kind: "char"; char: string } | { kind: "one" } | { kind: "any" };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\" && i + 1 < pattern.length) tokens.push({ kind: "char", char: pattern[++i] });
    else if (c === "%") tokens.push({ kind: "any" });
    else if (c === "_") tokens.push({ kind: "one" });
    else tokens.push({ kind: "char", char: c });
  }
  return tokens;
}

/**
 * `value LIKE pattern`, case-insensitive, with `\` escaping the next character. Greedy matching that
 * only ever backtracks to the last `%`, so it runs in O(pattern × value) at worst, never exponential.
 */
export function sqliteLike(pattern: unknown, value: unknown): number | null {
  if (pattern === null || value === null || pattern === undefined || value === undefined) return null;
  const tokens = tokenize(String(pattern).toLowerCase());
  const text = String(value).toLowerCase();
  let t = 0;
  let v = 0;
  let starToken = -1;
  let starValue = 0;
  while (v < text.length) {
    const token = tokens[t];
    if (token && (token.kind === "one" || (token.kind === "char" && token.char === text[v]))) {
      t++;
      v++;
    } else if (token?.kind === "any") {
      starToken = t++;
      starValue = v;
    } else if (starToken !== -1) {
      t = starToken + 1;
      v = ++starValue;
    } else {
      return 0;
    }
  }
  while (tokens[t]?.kind === "any") t++;
  return t === tokens.length ? 1 : 0;
}
