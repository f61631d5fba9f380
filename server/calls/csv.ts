// The interactions list as CSV (GET /calls.csv, or GET /calls with Accept: text/csv): the call object's
// scalar fields plus the analysis, for exactly the list's filters. The body is a stream that reads one
// keyset page at a time as the client takes it, so a 100,000-row export never sits in memory.
import { env } from "@/lib/env";
import { toAnalysis } from "@/server/analysis/serialize";
import { costOf } from "./cost";
import { type ExportRow, exportPage } from "./queries";
import type { CallFilter } from "./schema";

type Cell = string | number | boolean | null | undefined;

/** A spreadsheet would run a cell starting with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field (RFC 4180): a formula-like text gets a leading ', and quotes wrap any , " or line break. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "string" ? value : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: Cell[]) => `${cells.map(csvCell).join(",")}\r\n`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function duration(row: ExportRow): number {
  if (row.durationSeconds !== null) return row.durationSeconds;
  if (!row.startedAt) return 0;
  return Math.max(0, Math.floor((Date.now() - row.startedAt.getTime()) / 1000));
}

type Column = [header: string, value: (row: ExportRow, analysis: ReturnType<typeof toAnalysis>) => Cell];

/** The columns, in order: the call object's scalar fields (by their API names), then the analysis. */
export const CSV_COLUMNS: Column[] = [
  ["id", (r) => r.id],
  ["status", (r) => r.status],
  ["channel", (r) => r.channel],
  ["direction", (r) => r.direction],
  ["simulated", (r) => r.simulated],
  ["provider", (r) => r.provider],
  ["externalId", (r) => r.externalId],
  ["agentId", (r) => r.agentId],
  ["skillId", (r) => r.skillId],
  ["customerId", (r) => r.customerId],
  ["customerName", (r) => r.customerName],
  ["customerPhone", (r) => r.customerPhone],
  ["customerEmail", (r) => r.customerEmail],
  ["agentPhone", (r) => r.agentPhone],
  ["agentEmail", (r) => r.agentEmail],
  ["duration", (r) => duration(r)],
  ["createdAt", (r) => iso(r.createdAt)],
  ["startedAt", (r) => iso(r.startedAt)],
  ["endedAt", (r) => iso(r.endedAt)],
  ["updatedAt", (r) => iso(r.updatedAt)],
  ["endReason", (r) => r.endReason],
  ["note", (r) => r.note],
  ["subject", (r) => r.subject],
  ["brain", (r) => r.brain],
  ["needsPerson", (r) => r.needsPerson],
  ["handoffReason", (r) => r.handoffReason],
  ["takenOverBy", (r) => r.takenOverByName],
  ["promptTokens", (r) => r.promptTokens],
  ["completionTokens", (r) => r.completionTokens],
  ["initialMessage", (r) => r.initialMessage],
  ["prompt", (r) => r.prompt],
  ["transcription", (r) => r.transcription],
  ["cost", (r) => costOf(r).total],
  ["costCurrency", (r) => costOf(r).currency],
  ["analysisStatus", (_, a) => a?.status],
  ["analysisMethod", (_, a) => a?.method],
  ["summary", (_, a) => a?.summary],
  ["sentiment", (_, a) => a?.sentiment],
  ["successful", (_, a) => a?.successful],
  ["successReason", (_, a) => a?.successReason],
  ["inVoicemail", (_, a) => a?.inVoicemail],
  ["extracted", (_, a) => (a && Object.keys(a.extracted).length ? JSON.stringify(a.extracted) : null)],
  ["analysisError", (_, a) => a?.error],
  ["analysisCorrectedBy", (_, a) => a?.correctedBy?.name],
  ["analysisCorrectedAt", (_, a) => a?.correctedAt],
];

export function csvRow(row: ExportRow): string {
  const analysis = toAnalysis(row.analysis, row.simulated);
  return csvLine(CSV_COLUMNS.map(([, value]) => value(row, analysis)));
}

/** Reads CSV_EXPORT_PAGE_ROWS rows per query; each page is handed to the client before the next is read. */
export function callsCsvStream(filter: CallFilter, pageSize = env.CSV_EXPORT_PAGE_ROWS): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: { createdAt: Date; id: string } | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(csvLine(CSV_COLUMNS.map(([header]) => header))));
          return;
        }
        const rows = await exportPage(filter, after, pageSize);
        if (rows.length) controller.enqueue(encoder.encode(rows.map(csvRow).join("")));
        if (rows.length < pageSize) {
          controller.close();
          return;
        }
        const last = rows[rows.length - 1];
        after = { createdAt: last.createdAt, id: last.id };
      },
    },
    // Pull the next page only when the client has taken the previous one.
    { highWaterMark: 1 },
  );
}

/** The client asks for CSV first (Accept: text/csv, not merely a wildcard). */
export function wantsCsv(req: Request): boolean {
  const accept = req.headers.get("accept") ?? "";
  const first = accept.split(",")[0]?.split(";")[0]?.trim().toLowerCase();
  return first === "text/csv";
}

export function csvResponse(filter: CallFilter): Response {
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, "-");
  return new Response(callsCsvStream(filter), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="interactions-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
