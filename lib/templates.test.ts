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

describe("splitName", () => {
  it("splits first word from the rest", () => {
    expect(splitName("Mary Ann Smith")).toEqual({ first: "Mary", last: "Ann Smith" });
    expect(splitName(undefined)).toEqual({ first: "", last: "" });
  });
});
