"use client";
// A chart with its words: a title, a one-line reading of it for screen readers (the drawing itself is
// an image to them), and the same numbers as a table behind "Show as table" for anyone who prefers
// reading figures to reading bars.
import type { ReactNode } from "react";

export type TableColumn<T> = { header: string; cell: (row: T) => ReactNode; numeric?: boolean };

export function ChartCard<T>({
  title,
  summary,
  chart,
  rows,
  columns,
  rowKey,
  testId,
  chartClassName = "h-64",
}: {
  title: string;
  /** What the chart shows, read out in place of the drawing. */
  summary: string;
  chart: ReactNode;
  rows: T[];
  columns: TableColumn<T>[];
  rowKey: (row: T) => string;
  testId?: string;
  /** The drawing's height (Tailwind class). */
  chartClassName?: string;
}) {
  return (
    // min-w-0: a grid item otherwise grows to its drawing's last measured width, and a phone scrolls sideways
    // until the chart re-measures.
    <section aria-label={title} data-testid={testId} className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-xs">
      <h2 className="border-b border-slate-200 px-4 py-3 text-sm font-semibold text-slate-900">{title}</h2>
      <div className="p-4">
        <div role="img" aria-label={summary} className={`${chartClassName} w-full overflow-hidden`}>
          {chart}
        </div>
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer rounded text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
            Show as table
          </summary>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{title}</caption>
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
                <tr>
                  {columns.map((c) => (
                    <th key={c.header} scope="col" className={`px-2 py-1 font-semibold ${c.numeric ? "text-right" : ""}`}>
                      {c.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row) => (
                  <tr key={rowKey(row)}>
                    {columns.map((c, i) =>
                      i === 0 ? (
                        <th key={c.header} scope="row" className="px-2 py-1 font-normal text-slate-800">
                          {c.cell(row)}
                        </th>
                      ) : (
                        <td key={c.header} className={`px-2 py-1 text-slate-700 ${c.numeric ? "text-right tabular-nums" : ""}`}>
                          {c.cell(row)}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </div>
    </section>
  );
}
