// {{variable}} templates. Names may contain spaces ("{{Order ID}}"). Only names are substituted:
// nothing inside the braces is evaluated, so "{{7*7}}" is simply an unknown variable named "7*7".
// An unknown variable renders as empty text and is reported, so callers can list it.
//
// Placeholders are found by a hand scanner, not a regular expression: the pattern it replaces,
// /\{\{\s*([^{}]*?)\s*\}\}/g, backtracks cubically, and "{{" followed by the 20,000 spaces a prompt may
// hold stalled the whole process for about half an hour. The scanner reads each character a bounded
// number of times and finds exactly what that pattern found.

type Placeholder = { start: number; end: number; name: string };

/** The index of the first "{" or "}" at or after `from`, or the length of the text. */
function nextBrace(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x7d) return i;
  }
  return text.length;
}

/**
 * Every "{{ name }}" in order, left to right, without overlaps: "{{", then text without braces, then
 * "}}". The name is that text trimmed (trim() and the old pattern's \s agree on what is white space).
 * Where no placeholder starts at a "{{", the search resumes one character later, as a regex would:
 * "{{{a}}" holds "{{a}}". Linear: the brace-free stretch scanned from one "{{" contains no other "{{".
 */
function* placeholders(template: string): Generator<Placeholder> {
  let from = 0;
  for (;;) {
    const start = template.indexOf("{{", from);
    if (start < 0) return;
    const close = nextBrace(template, start + 2);
    if (template.startsWith("}}", close)) {
      yield { start, end: close + 2, name: template.slice(start + 2, close).trim() };
      from = close + 2;
    } else {
      from = start + 1;
    }
  }
}

export type TemplateValue = string | number | boolean | null | undefined;
export type Variables = Record<string, TemplateValue>;

export type Rendered = { text: string; unresolved: string[] };

function lookup(vars: Map<string, string>, folded: Map<string, string>, name: string): string | undefined {
  return vars.get(name) ?? folded.get(name.toLowerCase());
}

function toMaps(variables: Variables) {
  const vars = new Map<string, string>();
  const folded = new Map<string, string>();
  for (const [name, value] of Object.entries(variables)) {
    if (value === null || value === undefined || value === "") continue;
    const text = String(value);
    vars.set(name, text);
    if (!folded.has(name.toLowerCase())) folded.set(name.toLowerCase(), text);
  }
  return { vars, folded };
}

/** Renders one template. Exact names win; a name differing only in case still resolves. */
export function renderTemplate(template: string, variables: Variables): Rendered {
  const { vars, folded } = toMaps(variables);
  // Sets, not arrays: thousands of distinct names fit in a prompt, and each must be checked once.
  const unresolved = new Set<string>();
  const parts: string[] = [];
  let copied = 0;
  for (const { start, end, name } of placeholders(template)) {
    parts.push(template.slice(copied, start));
    const value = lookup(vars, folded, name);
    if (value !== undefined) parts.push(value);
    else unresolved.add(name);
    copied = end;
  }
  parts.push(template.slice(copied));
  return { text: parts.join(""), unresolved: [...unresolved] };
}

/** The variable names a template mentions, in order of first use. */
export function templateVariables(template: string): string[] {
  return [...new Set(Array.from(placeholders(template), (p) => p.name))];
}

/** Renders several templates against the same variables and merges their unresolved names. */
export function renderAll<K extends string>(templates: Record<K, string>, variables: Variables) {
  const out = {} as Record<K, string>;
  const unresolved = new Set<string>();
  for (const key of Object.keys(templates) as K[]) {
    const r = renderTemplate(templates[key], variables);
    out[key] = r.text;
    for (const name of r.unresolved) unresolved.add(name);
  }
  return { rendered: out, unresolved: [...unresolved] };
}

/** Splits "Mary Ann Smith" into first word and the rest, for firstName/lastName fallbacks. */
export function splitName(name: string | undefined): { first: string; last: string } {
  const words = (name ?? "").trim().split(/\s+/).filter(Boolean);
  return { first: words[0] ?? "", last: words.slice(1).join(" ") };
}
