import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, csvCell, csvLine } from "./csv";

describe("CSV cells", () => {
  it("neutralises formulas: a cell starting with = + - @ (or tab, CR) gets a leading '", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("+1 555")).toBe("'+1 555");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("\r=1")).toBe(`"'\r=1"`);
    // Only at the start: formulas need their first character.
    expect(csvCell("a=b")).toBe("a=b");
    // An E.164 phone number is text too, and stays readable.
    expect(csvCell("+14155550123")).toBe("'+14155550123");
  });

  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell("Patel, Nina")).toBe('"Patel, Nina"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("plain")).toBe("plain");
  });

  it("writes numbers and booleans as they are and null as empty", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvLine(["a", null, 1, false])).toBe("a,,1,false\r\n");
  });

  it("has one column per name", () => {
    const names = CSV_COLUMNS.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining(["id", "status", "customerName", "summary", "sentiment", "successful", "extracted"]),
    );
  });
});
