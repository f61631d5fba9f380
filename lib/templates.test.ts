import { describe, expect, it } from "vitest";
import { renderTemplate, splitName, templateVariables } from "./templates";

describe("renderTemplate", () => {
  it("substitutes names with spaces and reports unknown ones as empty", () => {
    const r = renderTemplate("Order {{Order ID}} ships {{Delivery Date}}.", { "Order ID": "12345" });
    expect(r.text).toBe("Order 12345 ships .");
    expect(r.unresolved).toEqual(["Delivery Date"]);
  });

  it("evaluates nothing inside the braces", () => {
    const r = renderTemplate("{{7*7}} {{constructor}} {{__proto__}}", {});
    expect(r.text).toBe("  ");
    expect(r.unresolved).toEqual(["7*7", "constructor", "__proto__"]);
  });

  it("tolerates whitespace and case differences in names", () => {
    expect(renderTemplate("Hi {{ firstname }}", { firstName: "Ana" }).text).toBe("Hi Ana");
  });

  it("stringifies numbers and booleans and keeps other text byte-for-byte", () => {
    const r = renderTemplate("<b>{{a}}</b> {{b}} '; DROP TABLE x; -- ✓", { a: 150.75, b: true });
    expect(r.text).toBe("<b>150.75</b> true '; DROP TABLE x; -- ✓");
  });

  it("does not re-expand substituted values", () => {
    expect(renderTemplate("{{a}}", { a: "{{b}}", b: "no" }).text).toBe("{{b}}");
  });

  it("lists variables in order of first use", () => {
    expect(templateVariables("{{a}} {{b}} {{a}}")).toEqual(["a", "b"]);
  });
});

describe("placeholders: the hand scanner", () => {
  it("finds what the old pattern found, on 20,000 random mixes of braces, white space and letters", () => {
    // The pattern the scanner replaced (it backtracks cubically on long input, fine on these).
    const OLD = /\{\{\s*([^{}]*?)\s*\}\}/g;
    const oldRender = (t: string, vars: Record<string, string>) => {
      const unresolved: string[] = [];
      const text = t.replace(OLD, (_m, name: string) => {
        if (name in vars) return vars[name];
        if (!unresolved.includes(name)) unresolved.push(name);
        return "";
      });
      return { text, unresolved };
    };
    const pieces = ["{{", "}}", "{", "}", " ", "\t", "\n", "\u00a0", "a", "b"];
    const vars = { a: "A", b: "B", "a b": "AB" };
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let placeholdersSeen = 0;
    for (let run = 0; run < 20_000; run++) {
      const length = 1 + Math.floor(random() * 10);
      const template = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join("");
      const expected = oldRender(template, vars);
      expect(renderTemplate(template, vars), JSON.stringify(template)).toEqual(expected);
      expect(templateVariables(template)).toEqual([...new Set(Array.from(template.matchAll(OLD), (m) => m[1]))]);
      placeholdersSeen += template.match(OLD)?.length ?? 0;
    }
    // The random texts did hold placeholders, so the comparison compared something.
    expect(placeholdersSeen).toBeGreaterThan(1000);
  });

  it("renders the old pattern's worst cases as plain text", () => {
    for (const ws of [" ", "\t", "\n", "\u00a0"]) {
      const unclosed = `{{${ws.repeat(19_998)}`;
      expect(renderTemplate(unclosed, {})).toEqual({ text: unclosed, unresolved: [] });
      const braces = `{{${ws.repeat(9_998)}}${ws.repeat(9_998)}`;
      expect(renderTemplate(braces, {})).toEqual({ text: braces, unresolved: [] });
    }
    const many = "{{ ".repeat(6_000);
    expect(renderTemplate(many, {})).toEqual({ text: many, unresolved: [] });
  });

  it("resumes one character after a '{{' that starts no placeholder, and trims the name", () => {
    expect(renderTemplate("{{{a}}}", { a: "A" }).text).toBe("{A}");
    expect(renderTemplate("{{a}b}} {{ a }}", { a: "A" }).text).toBe("{{a}b}} A");
    expect(renderTemplate("{{  }}", {})).toEqual({ text: "", unresolved: [""] });
    expect(renderTemplate("{{\tOrder ID\n}}", { "Order ID": "7" }).text).toBe("7");
  });
});

describe("splitName", () => {
  it("splits first word from the rest", () => {
    expect(splitName("Mary Ann Smith")).toEqual({ first: "Mary", last: "Ann Smith" });
    expect(splitName(undefined)).toEqual({ first: "", last: "" });
  });
});
