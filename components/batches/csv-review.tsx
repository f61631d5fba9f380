"use client";
// The review steps of "New batch": map the CSV's columns to the customer fields (the rest may become
// custom fields), then see the first rows and every row with a problem, by line number.
import { SelectField } from "@/components/ui/field";
import { Card } from "@/components/ui/page-header";
import type { ColumnMapping, CsvTable, tasksFromTable } from "@/server/batches/csv-import";

const FIELDS: { key: keyof Omit<ColumnMapping, "customFields">; label: string }[] = [
  { key: "phone", label: "Phone column" },
  { key: "email", label: "E-mail column" },
  { key: "firstName", label: "First name column" },
  { key: "lastName", label: "Last name column" },
];
const PREVIEW_ROWS = 5;
const LISTED_PROBLEMS = 200;

export function Mapping({
  table,
  mapping,
  onChange,
}: {
  table: CsvTable;
  mapping: ColumnMapping;
  onChange: (m: ColumnMapping) => void;
}) {
  const mapped = new Set(FIELDS.map((f) => mapping[f.key]).filter(Boolean));
  const set = (key: (typeof FIELDS)[number]["key"], column: string) => {
    const next = { ...mapping, [key]: column || undefined };
    // A column is one thing: mapping it to a field takes it out of the custom fields.
    next.customFields = table.headers.filter(
      (h) => ![next.phone, next.email, next.firstName, next.lastName].includes(h) && mapping.customFields.includes(h),
    );
    if (mapping[key] && !column) next.customFields.push(mapping[key] as string);
    onChange(next);
  };
  return (
    <Card title="2. Map the columns">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {FIELDS.map((f) => (
          <SelectField key={f.key} label={f.label} value={mapping[f.key] ?? ""} onChange={(e) => set(f.key, e.target.value)}>
            <option value="">— none —</option>
            {table.headers.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
      <fieldset className="mt-4">
        <legend className="text-sm font-medium text-slate-800">Custom fields (available to the agent's prompt)</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {table.headers
            .filter((h) => !mapped.has(h))
            .map((h) => (
              <label key={h} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
                <input
                  type="checkbox"
                  checked={mapping.customFields.includes(h)}
                  onChange={(e) =>
                    onChange({
                      ...mapping,
                      customFields: e.target.checked ? [...mapping.customFields, h] : mapping.customFields.filter((c) => c !== h),
                    })
                  }
                />
                {h}
              </label>
            ))}
        </div>
      </fieldset>
    </Card>
  );
}

export function Preview({ table, result }: { table: CsvTable; result: ReturnType<typeof tasksFromTable> }) {
  const problems = [
    ...result.invalid,
    ...result.duplicates.map((d) => ({ line: d.line, reason: `Repeats the phone number ${d.phone} of line ${d.firstLine}.` })),
  ].sort((a, b) => a.line - b.line);
  return (
    <Card title="3. Check the rows">
      <p className="text-sm text-slate-700" data-testid="row-summary">
        {table.rows.length} rows: {result.tasks.length} valid, {result.invalid.length} invalid, {result.duplicates.length}{" "}
        duplicate
        {result.duplicates.length === 1 ? "" : "s"}.
      </p>
      <div className="mt-3 overflow-x-auto rounded-md border border-slate-200">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">The first rows of the file</caption>
          <thead className="bg-slate-50 text-xs uppercase text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                Line
              </th>
              {table.headers.map((h) => (
                <th key={h} scope="col" className="px-3 py-2">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.slice(0, PREVIEW_ROWS).map((row) => (
              <tr key={row.line} className="border-t border-slate-100">
                <td className="px-3 py-1.5 tabular-nums text-slate-500">{row.line}</td>
                {table.headers.map((h, i) => (
                  <td key={h} className="px-3 py-1.5 whitespace-pre-wrap">
                    {row.cells[i] ?? ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.length > 0 && (
        <div className="mt-4">
          <h3 className="text-sm font-semibold text-red-800">Rows with problems</h3>
          <ul className="mt-1 max-h-64 space-y-1 overflow-y-auto text-sm text-red-800" aria-label="Rows with problems">
            {problems.slice(0, LISTED_PROBLEMS).map((p) => (
              <li key={`${p.line}-${p.reason}`}>
                Line {p.line}: {p.reason}
              </li>
            ))}
            {problems.length > LISTED_PROBLEMS && <li>… and {problems.length - LISTED_PROBLEMS} more.</li>}
          </ul>
        </div>
      )}
    </Card>
  );
}
