// Turning an uploaded CSV into batch tasks, for the dashboard's "New batch" preview (it runs in the
// browser, in a Web Worker so a large file does not freeze the page). Papa Parse reads the text:
// a byte-order mark is dropped, the delimiter (comma, semicolon, tab, pipe) is detected, quoted fields
// may hold delimiters and line breaks, and nothing is typed: "=SUM(A1)" or "00123" stay text exactly.
// Each mapped row is checked with the API's own task rules (taskIssues), with its line number.
import Papa from "papaparse";
import type { Channel } from "@/server/calls/status";
import { type BatchTaskInput, duplicatePhones, MAX_TASKS, taskIssues } from "./schema";

export type CsvRow = { line: number; cells: string[] };
export type CsvTable = { headers: string[]; rows: CsvRow[]; delimiter: string; problems: RowProblem[] };
export type RowProblem = { line: number; reason: string };

/** Which column holds what; custom fields are named after their column. */
export type ColumnMapping = {
  phone?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  customFields: string[];
};

export function parseCsvText(input: string): CsvTable {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: CsvRow[] = [];
  const problems: RowProblem[] = [];
  // Line numbers come from the parser's cursor: a quoted field may span lines, so rows ≠ lines.
  let scanned = 0;
  let newlines = 0;
  let rowStart = 0;
  const lineAt = (pos: number) => {
    for (; scanned < pos && scanned < text.length; scanned++) if (text.charCodeAt(scanned) === 10) newlines++;
    return newlines + 1;
  };
  let delimiter = ",";
  Papa.parse<string[]>(text, {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: "greedy",
    delimitersToGuess: [",", ";", "\t", "|"],
    step: (result) => {
      delimiter = result.meta.delimiter;
      // Skip the blank lines the parser passed over before this row.
      let start = rowStart;
      while (start < text.length && (text[start] === "\n" || text[start] === "\r")) start++;
      const line = lineAt(start);
      rowStart = result.meta.cursor;
      for (const e of result.errors) problems.push({ line, reason: csvErrorReason(e) });
      rows.push({ line, cells: result.data });
    },
  });
  const [head, ...data] = rows;
  const headers = (head?.cells ?? []).map((h) => h.trim());
  for (const row of data) {
    if (row.cells.length !== headers.length) {
      problems.push({ line: row.line, reason: `It has ${row.cells.length} fields; the header row has ${headers.length}.` });
    }
  }
  return { headers, rows: data, delimiter, problems };
}

function csvErrorReason(e: Papa.ParseError): string {
  if (e.code === "MissingQuotes") return "A quoted field is never closed.";
  if (e.code === "InvalidQuotes") return "A quote in the middle of a field is not escaped (write it as two quotes).";
  return "The row could not be read.";
}

const GUESSES: [keyof Omit<ColumnMapping, "customFields">, RegExp][] = [
  ["phone", /phone|mobile|cell|tel|number/i],
  ["email", /e-?mail/i],
  ["firstName", /first|given|vorname/i],
  ["lastName", /last|surname|family/i],
];

/** A first guess from the header names; the preview lets the user correct it. */
export function guessMapping(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = { customFields: [] };
  for (const header of headers) {
    const field = GUESSES.find(([key, re]) => !mapping[key] && re.test(header))?.[0];
    if (field) mapping[field] = header;
    else mapping.customFields.push(header);
  }
  return mapping;
}

/** "+1 (415) 555-0123" → "+14155550123": people write numbers with separators; the API wants E.164. */
const compactPhone = (v: string) => v.replace(/[\s().-]/g, "");

export type MappedRows = {
  tasks: { line: number; task: BatchTaskInput }[];
  invalid: RowProblem[];
  /** Rows whose phone number an earlier row has already. */
  duplicates: { line: number; firstLine: number; phone: string }[];
};

export function tasksFromTable(table: CsvTable, mapping: ColumnMapping, channel: Channel): MappedRows {
  const index = new Map(table.headers.map((h, i) => [h, i]));
  const cell = (row: CsvRow, column?: string) => {
    const i = column === undefined ? undefined : index.get(column);
    return i === undefined ? "" : (row.cells[i] ?? "").trim();
  };
  const unreadable = new Map(table.problems.map((p) => [p.line, p.reason]));
  const tasks: MappedRows["tasks"] = [];
  const invalid: RowProblem[] = [];
  for (const row of table.rows) {
    const problem = unreadable.get(row.line);
    if (problem) {
      invalid.push({ line: row.line, reason: problem });
      continue;
    }
    const customFields = mapping.customFields.map((name) => ({ name, value: cell(row, name) })).filter((f) => f.value !== "");
    const override = {
      ...(cell(row, mapping.firstName) && { firstName: cell(row, mapping.firstName) }),
      ...(cell(row, mapping.lastName) && { lastName: cell(row, mapping.lastName) }),
      ...(cell(row, mapping.phone) && { phoneNumber: compactPhone(cell(row, mapping.phone)) }),
      ...(cell(row, mapping.email) && { email: cell(row, mapping.email) }),
      ...(customFields.length > 0 && { customFields }),
    };
    const task: BatchTaskInput = { customerOverride: override };
    const issues = taskIssues(channel, task);
    if (issues.length > 0) {
      invalid.push({ line: row.line, reason: issues.map((i) => i.message).join(" ") });
      continue;
    }
    tasks.push({ line: row.line, task });
  }
  if (tasks.length > MAX_TASKS) {
    invalid.push({
      line: tasks[MAX_TASKS].line,
      reason: `A batch holds at most ${MAX_TASKS} tasks; this row and the rest are over.`,
    });
    tasks.length = MAX_TASKS;
  }
  // The API's own duplicate rule, its row numbers turned into the file's line numbers.
  const duplicates = duplicatePhones(tasks.map((t) => t.task)).map((d) => ({
    line: tasks[d.row - 1].line,
    firstLine: tasks[d.firstRow - 1].line,
    phone: d.phone,
  }));
  return { tasks, invalid, duplicates };
}
