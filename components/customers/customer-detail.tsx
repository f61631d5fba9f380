"use client";
// /customers/{id}: who the customer is, and their interactions, newest first, each linking to its page.
import Link from "next/link";
import { useState } from "react";
import { channelLabel } from "@/components/calls/channel-labels";
import { useCallsQuery } from "@/components/queries/calls";
import { useCustomerQuery } from "@/components/queries/directory";
import { ButtonLink } from "@/components/ui/button";
import { DetailState } from "@/components/ui/detail-state";
import { ListPager } from "@/components/ui/list-pager";
import { Card, PageHeader } from "@/components/ui/page-header";
import { ErrorNotice, Spinner } from "@/components/ui/states";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/lib/format";
import type { CustomerDto } from "@/server/customers/schema";

const LIMIT = 10;

const back = (
  <ButtonLink href="/customers" variant="secondary">
    Back to customers
  </ButtonLink>
);

export function CustomerDetail({ id }: { id: string }) {
  const customer = useCustomerQuery(id);
  return (
    <DetailState
      query={customer}
      title="Customer"
      back={back}
      loadingLabel="Loading the customer"
      errorTitle="The customer could not be loaded"
    >
      {(data) => (
        <>
          <PageHeader title={data.name || "Unnamed customer"} description="Customer details and interactions." actions={back} />
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
            <CustomerFacts customer={data} />
            <CustomerInteractions id={id} />
          </div>
        </>
      )}
    </DetailState>
  );
}

function CustomerFacts({ customer }: { customer: CustomerDto }) {
  const facts: [string, string][] = [
    ["First name", customer.firstName || "—"],
    ["Last name", customer.lastName || "—"],
    ["Phone", customer.phone ?? "—"],
    ["Email", customer.email ?? "—"],
    ["Language", customer.language ?? "—"],
    ["Interactions", String(customer.interactionCount)],
    ["Customer since", formatDateTime(customer.createdAt)],
  ];
  return (
    <Card title="Details" className="self-start">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-slate-600">{term}</dt>
            <dd className="break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function CustomerInteractions({ id }: { id: string }) {
  const [page, setPage] = useState(1);
  const calls = useCallsQuery({ customerId: id, page, limit: LIMIT });
  return (
    <Card title="Interactions">
      {calls.isPending && <Spinner label="Loading interactions" />}
      {calls.isError && <ErrorNotice error={calls.error} title="The interactions could not be loaded" />}
      {calls.isSuccess && calls.data.items.length === 0 && <p className="text-sm text-slate-600">No interactions yet.</p>}
      {calls.isSuccess && calls.data.items.length > 0 && (
        <>
          <ul className="divide-y divide-slate-100">
            {calls.data.items.map((call) => (
              <li key={call.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-3 first:pt-0">
                <div className="min-w-0">
                  <Link
                    href={`/calls/${call.id}`}
                    className="font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
                  >
                    {channelLabel(call.channel)} on {formatDateTime(call.createdAt)}
                  </Link>
                  <p className="text-xs text-slate-500">with {call.agent.name}</p>
                </div>
                <StatusBadge status={call.status} />
              </li>
            ))}
          </ul>
          <ListPager page={page} limit={LIMIT} total={calls.data.total} onPage={setPage} label="Interaction pages" />
        </>
      )}
    </Card>
  );
}
