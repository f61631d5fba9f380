// The bordered, sideways-scrolling table of the directory lists (agents, skills, customers): each list
// only says what its columns are. Columns may hide on narrow screens so phones don't scroll sideways.
import type { ReactNode } from "react";

// Spelled out in full so Tailwind finds the class names.
const SHOW_FROM = { sm: "hidden sm:table-cell", md: "hidden md:table-cell", lg: "hidden lg:table-cell" } as const;

export type Column<T> = {
  header: string;
  cell: (row: T) => ReactNode;
  /** Hide the column below this breakpoint. */
  showFrom?: keyof typeof SHOW_FROM;
  align?: "right";
  /** Extra classes for the cells (wrapping, numerals). */
  cellClassName?: string;
};

export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
}) {
  const shared = (c: Column<T>) => [c.showFrom ? SHOW_FROM[c.showFrom] : "", c.align === "right" ? "text-right" : ""];
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={cx("px-4 py-2 font-semibold", ...shared(c))}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c, i) => (
                // The first column holds the row's link and keeps its own colours.
                <td
                  key={c.header}
                  className={cx("px-4 py-3 align-top", i > 0 ? "text-slate-700" : "", ...shared(c), c.cellClassName)}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const cx = (...classes: (string | undefined)[]) => classes.filter(Boolean).join(" ");

/** The link in a row's first column that opens the item. */
export const rowLinkClass =
  "font-medium break-words text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";
