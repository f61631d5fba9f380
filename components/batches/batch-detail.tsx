"use client";
// /batches/{id}: a campaign's live counts by state, progress bar, ETA, pause / resume / cancel, and
// its tasks, each linking to its interaction.
import Link from "next/link";
import { useState } from "react";
import { isLiveBatch, useBatchQuery, useBatchTasksQuery, useUpdateBatchMutation } from "@/components/queries/batches";
import { useBatchEvents } from "./use-batch-events";
import { Button, ButtonLink } from "@/components/ui/button";
import { type Column, DataTable, rowLinkClass } from "@/components/ui/data-table";
import { DetailState } from "@/components/ui/detail-state";
import { ListPager } from "@/components/ui/list-pager";
import { ListState } from "@/components/ui/list-state";
import { Card, PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorNotice } from "@/components/ui/states";
import { formatDateTime } from "@/lib/format";
import { type Batch, type BatchTaskObject, TASK_STATES } from "@/server/batches/schema";
import { BatchProgress, BatchStatusBadge } from "./batch-progress";

const LIMIT = 50;

const COLUMNS: Column<BatchTaskObject>[] = [
  { header: "Row", align: "right", cellClassName: "tabular-nums", cell: (t) => t.row },
  { header: "Customer", cell: (t) => t.customerName ?? t.customerPhone ?? t.customerEmail ?? "—" },
  { header: "Phone", showFrom: "sm", cellClassName: "whitespace-nowrap", cell: (t) => t.customerPhone ?? "—" },
  { header: "State", cell: (t) => t.state },
  { header: "Outcome", showFrom: "md", cell: (t) => t.outcome ?? "—" },
  { header: "Attempts", showFrom: "md", align: "right", cellClassName: "tabular-nums", cell: (t) => t.attempts },
  {
    header: "Interaction",
    cell: (t) =>
      t.interactionId ? (
        <Link href={`/calls/${t.interactionId}`} className={rowLinkClass}>
          Open<span className="sr-only"> the interaction of row {t.row}</span>
        </Link>
      ) : (
        "—"
      ),
  },
];

function Actions({ batch }: { batch: Batch }) {
  const update = useUpdateBatchMutation(batch.id);
  const run = (action: "pause" | "resume" | "cancel") => update.mutate({ action });
  const open = batch.status === "scheduled" || batch.status === "running" || batch.status === "paused";
  return (
    <div className="flex flex-wrap items-center gap-2">
      {(batch.status === "running" || batch.status === "scheduled") && (
        <Button variant="secondary" onClick={() => run("pause")} disabled={update.isPending}>
          Pause
        </Button>
      )}
      {batch.status === "paused" && (
        <Button onClick={() => run("resume")} disabled={update.isPending}>
          Resume
        </Button>
      )}
      {open && (
        <Button
          variant="danger"
          disabled={update.isPending}
          onClick={() => {
            if (window.confirm("Cancel this batch? Tasks not yet started will not start.")) run("cancel");
          }}
        >
          Cancel batch
        </Button>
      )}
      {update.isError && <ErrorNotice error={update.error} title="The batch could not be changed" />}
    </div>
  );
}

function Summary({ batch }: { batch: Batch }) {
  return (
    <Card title="Progress">
      <BatchProgress batch={batch} label="Batch progress" />
      <dl className="mt-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
        {TASK_STATES.map((state) => (
          <div key={state} className="rounded-md bg-slate-50 p-2">
            <dt className="text-xs uppercase tracking-wide text-slate-600">{state}</dt>
            <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid={`count-${state}`}>
              {batch.counts[state]}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-slate-600">
        {batch.status === "completed"
          ? `Finished ${formatDateTime(batch.completedAt)}.`
          : batch.eta
            ? `Expected to finish around ${formatDateTime(batch.eta)}.`
            : batch.status === "scheduled"
              ? `Starts ${formatDateTime(batch.startAt)}.`
              : "The finish time is estimated once the first tasks are done."}
      </p>
      <p className="mt-1 text-xs text-slate-500">
        {batch.channel} · up to {batch.concurrency} at a time · {batch.pacingPerSecond} per second · {batch.timezone}
        {batch.callingWindows.length > 0 &&
          ` · ${batch.callingWindows.map((w) => `${w.days.join(", ")} ${w.start}–${w.end}`).join("; ")}`}
      </p>
    </Card>
  );
}

function Tasks({ batch }: { batch: Batch }) {
  const [page, setPage] = useState(1);
  const tasks = useBatchTasksQuery(batch.id, { page, limit: LIMIT }, `${batch.status}:${JSON.stringify(batch.counts)}`);
  return (
    <section className="mt-6" aria-labelledby="tasks-heading">
      <h2 id="tasks-heading" className="mb-2 text-base font-semibold text-slate-900">
        Tasks
      </h2>
      <ListState
        query={tasks}
        loadingLabel="Loading tasks"
        errorTitle="The tasks could not be loaded"
        empty={<EmptyState title="No tasks" />}
      >
        {(data) => (
          <>
            <DataTable caption="Tasks" columns={COLUMNS} rows={data.items} rowKey={(t) => t.id} />
            <ListPager page={page} limit={LIMIT} total={data.total} onPage={setPage} label="Task pages" />
          </>
        )}
      </ListState>
    </section>
  );
}

export function BatchDetail({ id }: { id: string }) {
  const [streaming, setStreaming] = useState(false);
  const batch = useBatchQuery(id, streaming);
  // A finished batch opens no stream (its own stream ends with it).
  useBatchEvents(id, batch.data === undefined || isLiveBatch(batch.data), setStreaming);
  const back = (
    <ButtonLink href="/batches" variant="secondary">
      All batches
    </ButtonLink>
  );
  return (
    <DetailState
      query={batch}
      title="Batch"
      back={back}
      loadingLabel="Loading the batch"
      errorTitle="The batch could not be loaded"
    >
      {(b) => (
        <>
          <PageHeader
            title={b.name}
            description={
              <span className="inline-flex items-center gap-2">
                <BatchStatusBadge status={b.status} /> {b.taskCount} tasks, created {formatDateTime(b.createdAt)}
              </span>
            }
            actions={
              <>
                <Actions batch={b} />
                {back}
              </>
            }
          />
          <Summary batch={b} />
          <Tasks batch={b} />
        </>
      )}
    </DetailState>
  );
}
