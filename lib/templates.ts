// {{variable}} templates. Names may contain spaces ("{{Order ID}}"). Only names are substituted:
// nothing inside the braces is evaluated, so "{{7*7}}" is simply an unknown variable named "7*7".
// An unknown variable renders as empty text and is reported, so callers can list it.

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

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
  const unresolved: string[] = [];
  const text = template.replace(PLACEHOLDER, (_match, rawName: string) => {
    const value = lookup(vars, folded, rawName);
    if (value !== undefined) return value;
    if (!unresolved.includes(rawName)) unresolved.push(rawName);
    return "";
  });
  return { text, unresolved };
}

/** The variable names a template mentions, in order of first use. */
export function templateVariables(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (!names.includes(match[1])) names.push(match[1]);
  }
  return names;
}

/** Renders several templates against the same variables and merges their unresolved names. */
export function renderAll<K extends string>(templates: Record<K, string>, variables: Variables) {
  const out = {} as Record<K, string>;
  const unresolved: string[] = [];
  for (const key of Object.keys(templates) as K[]) {
    const r = renderTemplate(templates[key], variables);
    out[key] = r.text;
    for (const name of r.unresolved) if (!unresolved.includes(name)) unresolved.push(name);
  }
  return { rendered: out, unresolved };
}

/** Splits "Mary Ann Smith" into first word and the rest, for firstName/lastName fallbacks. */
export function splitName(name: string | undefined): { first: string; last: string } {
  const words = (name ?? "").trim().split(/\s+/).filter(Boolean);
  return { first: words[0] ?? "", last: words.slice(1).join(" ") };
}
