// The CSV import of "New batch": the awkward files people really upload.
import { describe, expect, it } from "vitest";
import { guessMapping, parseCsvText, tasksFromTable } from "./csv-import";

describe("CSV import", () => {
  it("drops a byte-order mark and detects semicolons", () => {
    const table = parseCsvText("\uFEFFPhone;First name;Plan\n+14155550101;Maria;Pro\n+14155550102;Dev;Basic\n");
    expect(table.delimiter).toBe(";");
    expect(table.headers).toEqual(["Phone", "First name", "Plan"]);
    expect(table.rows).toEqual([
      { line: 2, cells: ["+14155550101", "Maria", "Pro"] },
      { line: 3, cells: ["+14155550102", "Dev", "Basic"] },
    ]);
  });

  it("reads tab-separated files and quoted fields with delimiters and line breaks, keeping line numbers right", () => {
    const table = parseCsvText('phone\tnote\n+14155550101\t"Prefers mornings,\nafter 9"\n+14155550102\tplain\n');
    expect(table.delimiter).toBe("\t");
    expect(table.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(table.rows[0].cells[1]).toBe("Prefers mornings,\nafter 9");
  });

  it("keeps formula cells and leading zeros as text", () => {
    const table = parseCsvText('phone,code,total\n+14155550101,00123,"=SUM(A1:A9)"\n');
    const { tasks } = tasksFromTable(table, guessMapping(table.headers), "call");
    expect(tasks[0].task.customerOverride?.customFields).toEqual([
      { name: "code", value: "00123" },
      { name: "total", value: "=SUM(A1:A9)" },
    ]);
  });

  it("guesses the mapping from the header names", () => {
    expect(guessMapping(["Mobile number", "E-mail", "First name", "Surname", "Plan"])).toEqual({
      phone: "Mobile number",
      email: "E-mail",
      firstName: "First name",
      lastName: "Surname",
      customFields: ["Plan"],
    });
  });

  it("names every bad row with its line number and reason, and flags duplicate numbers", () => {
    const csv = [
      "phone,email,first",
      "+1 (415) 555-0101,maria@example.com,Maria",
      "0415 555 0102,dev@example.com,Dev", // no country code
      "", // blank lines are skipped, but still counted
      "+14155550103,not-an-email,Ana",
      "+14155550104,lee@example.com", // a field short
      "+14155550101,again@example.com,Maria again",
    ].join("\r\n");
    const table = parseCsvText(csv);
    const result = tasksFromTable(table, guessMapping(table.headers), "call");
    expect(result.tasks.map((t) => t.line)).toEqual([2, 7]);
    expect(result.tasks[0].task.customerOverride).toMatchObject({ phoneNumber: "+14155550101", firstName: "Maria" });
    expect(result.invalid).toEqual([
      { line: 3, reason: expect.stringContaining("international format") },
      { line: 5, reason: expect.stringContaining("valid e-mail") },
      { line: 6, reason: "It has 2 fields; the header row has 3." },
    ]);
    expect(result.duplicates).toEqual([{ line: 7, firstLine: 2, phone: "+14155550101" }]);
  });

  it("applies the channel's rule: an e-mail batch needs an address, not a phone", () => {
    const table = parseCsvText("phone,email\n+14155550101,\n,ana@example.com\n");
    const result = tasksFromTable(table, guessMapping(table.headers), "email");
    expect(result.tasks.map((t) => t.line)).toEqual([3]);
    expect(result.invalid).toEqual([{ line: 2, reason: expect.stringContaining("e-mail address is required") }]);
  });

  it("reports an unclosed quote", () => {
    const table = parseCsvText('phone,note\n+14155550101,"never closed\n');
    expect(table.problems[0]).toMatchObject({ line: 2, reason: "A quoted field is never closed." });
  });
});
