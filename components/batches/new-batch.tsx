"use client";
// /batches/new: upload a CSV, map its columns, review the first rows and every invalid row (with its
// line number and why), choose to refuse the file or skip the bad rows, set agent, skill, channel and
// schedule, and start. Rows are checked with the API's own task rules (server/batches/csv-import.ts).
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { type Resolver, type UseFormSetError, useForm } from "react-hook-form";
import { useCreateBatchMutation } from "@/components/queries/batches";
import { useAgentsQuery } from "@/components/queries/directory";
import { Button, ButtonLink } from "@/components/ui/button";
import { fieldMessage } from "@/components/ui/field-error";
import { inputClass, SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Card, PageHeader } from "@/components/ui/page-header";
import { applyServerErrors } from "@/components/ui/server-errors";
import { ErrorNotice, Spinner } from "@/components/ui/states";
import { ApiClientError } from "@/lib/api-client";
import type { BatchSettings } from "@/server/batches/schema";
import { type ColumnMapping, type CsvTable, guessMapping, tasksFromTable } from "@/server/batches/csv-import";
import { WEEKDAYS } from "@/server/batches/windows";
import { CHANNELS } from "@/server/calls/status";
import { Mapping, Preview } from "./csv-review";
import { batchFormDefaults, batchFormFields, batchFormSchema, type BatchFormValues } from "./form-schema";
import { parseCsvFile } from "./parse-csv-file";

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A refused start: the server's 422 details on their fields, and the rest (the rows' own) in one line. */
function startError(error: unknown, setError: UseFormSetError<BatchFormValues>) {
  const message = applyServerErrors(error, batchFormFields, setError);
  const rows = error instanceof ApiClientError ? error.details.filter((d) => d.path.startsWith("tasks")) : [];
  if (rows.length === 0) return message;
  return rows
    .slice(0, 5)
    .map((d) => `${d.path}: ${d.message}`)
    .join(" · ");
}

export function NewBatch() {
  const router = useRouter();
  const agents = useAgentsQuery({ limit: 100, active: "true" });
  const create = useCreateBatchMutation();
  // The file and its column mapping are the wizard's state; what staff type is the form's.
  const [table, setTable] = useState<CsvTable | null>(null);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<unknown>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({ customFields: [] });
  const {
    register,
    handleSubmit,
    watch,
    getValues,
    setValue,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<BatchFormValues, unknown, BatchSettings>({
    resolver: zodResolver(batchFormSchema) as Resolver<BatchFormValues, unknown, BatchSettings>,
    defaultValues: batchFormDefaults(browserZone()),
  });
  const [channel, agentId, onInvalid, allowDuplicates, useWindow] = watch([
    "channel",
    "agentId",
    "onInvalid",
    "allowDuplicates",
    "useWindow",
  ]);

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
      if (!getValues("name")) setValue("name", file.name.replace(/\.[^.]+$/, ""));
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
  // What the rows still lack; the settings' own problems show on their fields when Start is pressed.
  const blocker = !table
    ? "Upload a CSV first."
    : refused
      ? `The file has ${problemCount} row(s) with problems: fix them, or choose to skip invalid rows.`
      : tasks.length === 0
        ? "No valid rows to start."
        : null;

  const onSubmit = handleSubmit(async (settings) => {
    if (blocker) return;
    try {
      const batch = await create.mutateAsync({
        ...settings,
        startAt: settings.startAt?.toISOString(),
        tasks: tasks.map((t) => t.task),
      });
      router.push(`/batches/${batch.id}`);
    } catch (error) {
      const message = startError(error, setError);
      if (message) setError("root", { message: `The batch could not be started. ${message}` });
    }
  });

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
                  <input type="radio" value="skip" {...register("onInvalid")} />
                  Skip invalid rows and start with the valid ones
                </label>
                <label className="flex items-center gap-2">
                  <input type="radio" value="refuse" {...register("onInvalid")} />
                  Refuse the whole file if any row is invalid
                </label>
                <label className="mt-2 flex items-center gap-2">
                  <input type="checkbox" {...register("allowDuplicates")} />
                  Contact a repeated phone number once per row (otherwise repeats are skipped)
                </label>
              </fieldset>
            </Card>
          </>
        )}

        <form onSubmit={onSubmit} noValidate className="space-y-6">
          <Card title="5. Agent and schedule">
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              <TextField label="Batch name" maxLength={200} error={errors.name?.message} {...register("name")} />
              <SelectField
                label="Agent"
                error={errors.agentId?.message}
                {...register("agentId", { onChange: () => setValue("skillId", "") })}
              >
                <option value="">Choose an agent</option>
                {agents.data?.items.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </SelectField>
              <SelectField label="Skill" disabled={!agent} error={errors.skillId?.message} {...register("skillId")}>
                <option value="">{agent ? "Choose a skill" : "Choose an agent first"}</option>
                {agent?.skills
                  .filter((s) => s.active)
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
              </SelectField>
              <SelectField label="Channel" error={errors.channel?.message} {...register("channel")}>
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </SelectField>
              <TextField
                label="Start at"
                type="datetime-local"
                hint="Leave empty to start now."
                error={errors.startAt?.message}
                {...register("startAt")}
              />
              <TextField
                label="Time zone"
                hint="IANA name, e.g. America/New_York."
                error={errors.timezone?.message}
                {...register("timezone")}
              />
              <TextField
                label="At most at a time"
                type="number"
                min={1}
                max={100}
                error={errors.concurrency?.message}
                {...register("concurrency")}
              />
              <TextField
                label="Starts per second"
                type="number"
                min={0.01}
                max={50}
                step={0.01}
                error={errors.pacingPerSecond?.message}
                {...register("pacingPerSecond")}
              />
            </div>
            <fieldset className="mt-4">
              <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
                <input type="checkbox" {...register("useWindow")} />
                Only contact customers within calling hours
              </label>
              {useWindow && (
                <div className="mt-2 flex flex-wrap items-end gap-4">
                  <fieldset className="flex flex-wrap gap-2">
                    <legend className="sr-only">Calling days</legend>
                    {WEEKDAYS.map((d) => (
                      <label key={d} className="inline-flex items-center gap-1 text-sm">
                        <input type="checkbox" value={d} {...register("callingWindows.0.days")} />
                        {d}
                      </label>
                    ))}
                  </fieldset>
                  <input aria-label="From" type="time" className={`${inputClass} w-32`} {...register("callingWindows.0.start")} />
                  <input aria-label="Until" type="time" className={`${inputClass} w-32`} {...register("callingWindows.0.end")} />
                </div>
              )}
              <FormError inline className="mt-2" message={fieldMessage(errors.callingWindows)} />
            </fieldset>
          </Card>

          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={Boolean(blocker) || isSubmitting}>
              {isSubmitting ? "Starting…" : `Start batch${tasks.length ? ` (${tasks.length} tasks)` : ""}`}
            </Button>
            {blocker && <p className="text-sm text-slate-600">{blocker}</p>}
          </div>
          <FormError message={errors.root?.message} />
        </form>
      </div>
    </>
  );
}
