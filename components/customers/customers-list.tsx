"use client";
// /customers: everyone Callboard's agents have talked to, searchable by name, phone or e-mail.
import Link from "next/link";
import { useCustomersQuery } from "@/components/queries/directory";
import { type Column, DataTable, rowLinkClass } from "@/components/ui/data-table";
import { ListFilters } from "@/components/ui/list-filters";
import { ListPager } from "@/components/ui/list-pager";
import { ListState } from "@/components/ui/list-state";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { useListParams } from "@/components/ui/use-list-params";
import { formatDateTime } from "@/lib/format";
import type { CustomerDto } from "@/server/customers/schema";

const LIMIT = 20;

const COLUMNS: Column<CustomerDto>[] = [
  {
    header: "Name",
    cell: (customer) => (
      <>
        <Link href={`/customers/${customer.id}`} className={rowLinkClass}>
          {customer.name || "Unnamed customer"}
        </Link>
        {/* On phones the contact columns are hidden, so show them under the name. */}
        <span className="block text-xs break-all text-slate-500 sm:hidden">
          {[customer.phone, customer.email].filter(Boolean).join(" · ")}
        </span>
      </>
    ),
  },
  { header: "Phone", showFrom: "sm", cellClassName: "whitespace-nowrap", cell: (customer) => customer.phone ?? "—" },
  { header: "Email", showFrom: "md", cellClassName: "break-all", cell: (customer) => customer.email ?? "—" },
  { header: "Interactions", align: "right", cellClassName: "tabular-nums", cell: (customer) => customer.interactionCount },
  { header: "Customer since", showFrom: "lg", cell: (customer) => formatDateTime(customer.createdAt) },
];

export function CustomersList() {
  const { search, q, page, setSearch, setPage } = useListParams();
  const customers = useCustomersQuery({ q, page, limit: LIMIT });

  return (
    <>
      <PageHeader
        title="Customers"
        description="The people your agents have talked to. A customer is added by their first interaction."
      />
      <ListFilters searchLabel="Search by name, phone or e-mail" search={search} onSearch={setSearch} />
      <ListState
        query={customers}
        loadingLabel="Loading customers"
        errorTitle="The customers could not be loaded"
        empty={
          <EmptyState title={q ? "No customers match" : "No customers yet"}>
            {q
              ? "Try part of a name, a phone number or an e-mail address."
              : "Customers appear here after their first interaction."}
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <DataTable caption="Customers" columns={COLUMNS} rows={data.items} rowKey={(customer) => customer.id} />
            <ListPager page={page} limit={LIMIT} total={data.total} onPage={setPage} label="Customer pages" />
          </>
        )}
      </ListState>
    </>
  );
}
