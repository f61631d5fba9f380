"use client";
// /batches/new: upload a CSV, map its columns, review the first rows and every invalid row (with its
// line number and why), choose to refuse the file or skip the bad rows, set agent, skill, channel and
// schedule, and start. Rows are checked with the API's own task rules (server/batches/csv-import.ts).
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useCreateBatchMutation } from "@/components/queries/batches";
import { useAgentsQuery } from "@/components/queries/directory";
import { Button, ButtonLink } from "@/components/ui/button";
import { inputClass, SelectField, TextField } from "@/components/ui/field";
import { Card, PageHeader } from "@/components/ui/page-header";
import { ErrorNotice, Spinner } from "@/components/ui/states";
import { ApiClientError } from "@/lib/api-client";
import { type ColumnMapping, type CsvTable, guessMapping, tasksFromTable } from "@/server/batches/csv-import";
import { WEEKDAYS, type Weekday } from "@/server/batches/windows";
import { CHANNELS, type Channel } from "@/server/calls/status";
import { Mapping, Preview } from "./csv-review";
import { parseCsvFile } from "./parse-csv-file";

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function NewBatch() {
  const router = useRouter();
  const agents = useAgentsQuery({ limit: 100, active: "true" });
  const create = useCreateBatchMutation();
  const [fileName, setFileName] = useState("");
  const [table, setTable] = useState<CsvTable | null>(null);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<unknown>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({ customFields: [] });
  const [onInvalid, setOnInvalid] = useState<"refuse" | "skip">("skip");
  const [allowDuplicates, setAllowDuplicates] = useState(false);
  const [name, setName] = useState("");
  const [agentId, setAgentId] = useState("");
  const [skillId, setSkillId] = useState("");
  const [channel, setChannel] = useState<Channel>("call");
  const [startAt, setStartAt] = useState("");
  const [timezone, setTimezone] = useState(browserZone);
  const [useWindow, setUseWindow] = useState(false);
  const [days, setDays] = useState<Weekday[]>(["mon", "tue", "wed", "thu", "fri"]);
  const [windowStart, setWindowStart] = useState("09:00");
  const [windowEnd, setWindowEnd] = useState("18:00");
  const [concurrency, setConcurrency] = useState(5);
  const [pacing, setPacing] = useState(1);

  const result = useMemo(() => (table ? tasksFromTable(table, mapping, channel) : null), [table, mapping, channel]);
  const agent = agents.data?.items.find((a) => a.id === agentId);

  async function onFile(file: File | undefined) {
    if (!file) return;
    setReading(true);
    setReadError(null);
    setTable(null);
    try {
      const parsed = await parseCsvFile(file);
      if (parsed.headers.length === 0) throw new Error("The file is empty: it needs a header row and at least one row.");
      setTable(parsed);
      setMapping(guessMapping(parsed.headers));
      setFileName(file.name);
      if (!name) setName(file.name.replace(/\.[^.]+$/, ""));
    } catch (error) {
      setReadError(error);
    } finally {
      setReading(false);
    }
  }

  const skippedDuplicates = new Set(allowDuplicates ? [] : (result?.duplicates.map((d) => d.line) ?? []));
  const tasks = result?.tasks.filter((t) => !skippedDuplicates.has(t.line)) ?? [];
  const problemCount = (result?.invalid.length ?? 0) + skippedDuplicates.size;
  const refused = onInvalid === "refuse" && problemCount > 0;
  const blocker = !table
    ? "Upload a CSV first."
    : refused
      ? `The file has ${problemCount} row(s) with problems: fix them, or choose to skip invalid rows.`
      : tasks.length === 0
        ? "No valid rows to start."
        : !agentId || !skillId
          ? "Choose an agent and a skill."
          : null;

  function submit() {
    if (blocker) return;
    create.mutate(
      {
        name: name.trim() || fileName,
        agentId,
        skillId,
        channel,
        timezone,
        tasks: tasks.map((t) => t.task),
        allowDuplicates,
        concurrency,
        pacingPerSecond: pacing,
        ...(startAt && { startAt: new Date(startAt).toISOString() }),
        ...(useWindow && { callingWindows: [{ days, start: windowStart, end: windowEnd }] }),
      },
      { onSuccess: (batch) => router.push(`/batches/${batch.id}`) },
    );
  }

  return (
    <>
      <PageHeader
        title="New batch"
        description="Reach a list of customers with one agent: upload, check, schedule, start."
        actions={
          <ButtonLink href="/batches" variant="secondary">
            All batches
          </ButtonLink>
        }
      />
      <div className="space-y-6">
        <Card title="1. Upload a CSV">
          <label className="block text-sm font-medium text-slate-800" htmlFor="batch-file">
            CSV file (up to 10 MB; comma, semicolon or tab separated)
          </label>
          <input
            id="batch-file"
            type="file"
            accept=".csv,.tsv,.txt,text/csv"
            className="mt-1 block text-sm"
            onChange={(e) => onFile(e.target.files?.[0])}
          />
          {reading && (
            <div className="mt-2">
              <Spinner label="Reading the file" />
            </div>
          )}
          {readError !== null && <ErrorNotice error={readError} title="The file could not be read" />}
        </Card>

        {table && result && (
          <>
            <Mapping table={table} mapping={mapping} onChange={setMapping} />
            <Preview table={table} result={result} />
            <Card title="4. Rows with problems">
              <fieldset className="space-y-1 text-sm text-slate-800">
                <legend className="sr-only">Rows with problems</legend>
                <label className="flex items-center gap-2">
                  <input type="radio" name="on-invalid" checked={onInvalid === "skip"} onChange={() => setOnInvalid("skip")} />
                  Skip invalid rows and start with the valid ones
                </label>
                <label className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="on-invalid"
                    checked={onInvalid === "refuse"}
                    onChange={() => setOnInvalid("refuse")}
                  />
                  Refuse the whole file if any row is invalid
                </label>
                <label className="mt-2 flex items-center gap-2">
                  <input type="checkbox" checked={allowDuplicates} onChange={(e) => setAllowDuplicates(e.target.checked)} />
                  Contact a repeated phone number once per row (otherwise repeats are skipped)
                </label>
              </fieldset>
            </Card>
          </>
        )}

        <Card title="5. Agent and schedule">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <TextField label="Batch name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
            <SelectField
              label="Agent"
              value={agentId}
              onChange={(e) => {
                setAgentId(e.target.value);
                setSkillId("");
              }}
            >
              <option value="">Choose an agent</option>
              {agents.data?.items.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </SelectField>
            <SelectField label="Skill" value={skillId} onChange={(e) => setSkillId(e.target.value)} disabled={!agent}>
              <option value="">{agent ? "Choose a skill" : "Choose an agent first"}</option>
              {agent?.skills
                .filter((s) => s.active)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </SelectField>
            <SelectField label="Channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Start at"
              type="datetime-local"
              value={startAt}
              onChange={(e) => setStartAt(e.target.value)}
              hint="Leave empty to start now."
            />
            <TextField
              label="Time zone"
              value={timezone}
              onChange={(e) => setTimezone(e.target.value)}
              hint="IANA name, e.g. America/New_York."
            />
            <TextField
              label="At most at a time"
              type="number"
              min={1}
              max={100}
              value={concurrency}
              onChange={(e) => setConcurrency(Number(e.target.value))}
            />
            <TextField
              label="Starts per second"
              type="number"
              min={0.01}
              max={50}
              step={0.01}
              value={pacing}
              onChange={(e) => setPacing(Number(e.target.value))}
            />
          </div>
          <fieldset className="mt-4">
            <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
              <input type="checkbox" checked={useWindow} onChange={(e) => setUseWindow(e.target.checked)} />
              Only contact customers within calling hours
            </label>
            {useWindow && (
              <div className="mt-2 flex flex-wrap items-end gap-4">
                <fieldset className="flex flex-wrap gap-2">
                  <legend className="sr-only">Calling days</legend>
                  {WEEKDAYS.map((d) => (
                    <label key={d} className="inline-flex items-center gap-1 text-sm">
                      <input
                        type="checkbox"
                        checked={days.includes(d)}
                        onChange={(e) => setDays(e.target.checked ? [...days, d] : days.filter((x) => x !== d))}
                      />
                      {d}
                    </label>
                  ))}
                </fieldset>
                <input
                  aria-label="From"
                  type="time"
                  className={`${inputClass} w-32`}
                  value={windowStart}
                  onChange={(e) => setWindowStart(e.target.value)}
                />
                <input
                  aria-label="Until"
                  type="time"
                  className={`${inputClass} w-32`}
                  value={windowEnd}
                  onChange={(e) => setWindowEnd(e.target.value)}
                />
              </div>
            )}
          </fieldset>
        </Card>

        <div className="flex flex-wrap items-center gap-3">
          <Button onClick={submit} disabled={Boolean(blocker) || create.isPending}>
            {create.isPending ? "Starting…" : `Start batch${tasks.length ? ` (${tasks.length} tasks)` : ""}`}
          </Button>
          {blocker && <p className="text-sm text-slate-600">{blocker}</p>}
        </div>
        {create.isError && (
          <ErrorNotice
            error={
              create.error instanceof ApiClientError && create.error.details.length > 0
                ? new Error(
                    create.error.details
                      .slice(0, 5)
                      .map((d) => `${d.path}: ${d.message}`)
                      .join(" · "),
                  )
                : create.error
            }
            title="The batch could not be started"
          />
        )}
      </div>
    </>
  );
}
