"use client";
// /batches: every batch campaign, newest first, with its progress.
import Link from "next/link";
import { useBatchesQuery } from "@/components/queries/batches";
import { ButtonLink } from "@/components/ui/button";
import { type Column, DataTable, rowLinkClass } from "@/components/ui/data-table";
import { ListPager } from "@/components/ui/list-pager";
import { ListState } from "@/components/ui/list-state";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { useListParams } from "@/components/ui/use-list-params";
import { formatDateTime } from "@/lib/format";
import type { Batch } from "@/server/batches/schema";
import { BatchProgress, BatchStatusBadge } from "./batch-progress";

const LIMIT = 20;

const COLUMNS: Column<Batch>[] = [
  {
    header: "Batch",
    cell: (b) => (
      <Link href={`/batches/${b.id}`} className={rowLinkClass}>
        {b.name}
      </Link>
    ),
  },
  { header: "Status", cell: (b) => <BatchStatusBadge status={b.status} /> },
  { header: "Progress", cell: (b) => <BatchProgress batch={b} label={`Progress of ${b.name}`} /> },
  { header: "Channel", showFrom: "md", cell: (b) => b.channel },
  { header: "Created", showFrom: "lg", cell: (b) => formatDateTime(b.createdAt) },
];

export function BatchesList() {
  const { page, setPage } = useListParams();
  const batches = useBatchesQuery({ page, limit: LIMIT });
  const newBatch = <ButtonLink href="/batches/new">New batch</ButtonLink>;
  return (
    <>
      <PageHeader
        title="Batches"
        description="Campaigns that reach many customers with one agent, paced and within calling hours."
        actions={newBatch}
      />
      <ListState
        query={batches}
        loadingLabel="Loading batches"
        errorTitle="The batches could not be loaded"
        empty={
          <EmptyState title="No batches yet" action={newBatch}>
            Upload a CSV of customers to start your first campaign.
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <DataTable caption="Batches" columns={COLUMNS} rows={data.items} rowKey={(b) => b.id} />
            <ListPager page={page} limit={LIMIT} total={data.total} onPage={setPage} label="Batch pages" />
          </>
        )}
      </ListState>
    </>
  );
}
