import { describe, expect, it } from "vitest";
import { likeTerm, sqliteLike } from "./like";

const contains = (term: string, value: string) => sqliteLike(`%${likeTerm(term)}%`, value) === 1;

describe("literal search with LIKE", () => {
  it("treats % and _ in a search term as text, not wildcards", () => {
    expect(contains("_", "Ann Lee")).toBe(false);
    expect(contains("%", "Ann Lee")).toBe(false);
    expect(contains("_", "a_b")).toBe(true);
    expect(contains("100%", "a 100% match")).toBe(true);
    expect(contains("1_0", "100")).toBe(false);
    expect(contains("\\", "back\\slash")).toBe(true);
    expect(contains("\\", "no slash")).toBe(false);
  });

  it("is case-insensitive and finds the term anywhere", () => {
    expect(contains("doe", "John DOE")).toBe(true);
    expect(contains("ÉLO", "Chloé Élodie")).toBe(true);
    expect(contains("", "anything")).toBe(true);
    expect(contains("x", "")).toBe(false);
  });

  it("keeps LIKE's own wildcards when the pattern uses them", () => {
    expect(sqliteLike("a%c", "abbbc")).toBe(1);
    expect(sqliteLike("a_c", "abc")).toBe(1);
    expect(sqliteLike("a_c", "abbc")).toBe(0);
    expect(sqliteLike("%a%b%c%", "xxaxxbxxcxx")).toBe(1);
    expect(sqliteLike("%a%b%c%", "xxaxxcxxbxx")).toBe(0);
    expect(sqliteLike(null, "x")).toBeNull();
    expect(sqliteLike("%1%", 10n)).toBe(1);
  });

  it("stays fast on patterns that make naive matchers backtrack", () => {
    // Many '%' against a long near-miss: O(pattern × value), not exponential.
    expect(sqliteLike(`${"%a".repeat(30)}b`, "a".repeat(20_000))).toBe(0);
  });
});
