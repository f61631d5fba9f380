"use client";
// /customers: everyone Callboard's agents have talked to, searchable by name, phone or e-mail.
import Link from "next/link";
import { useState } from "react";
import { useCustomersQuery } from "@/components/queries/directory";
import { ListFilters } from "@/components/ui/list-filters";
import { ListPager } from "@/components/ui/list-pager";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorNotice, LoadingBlock } from "@/components/ui/states";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import { formatDateTime } from "@/lib/format";

const LIMIT = 20;

export function CustomersList() {
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const q = useDebouncedValue(search.trim());
  const customers = useCustomersQuery({ q, page, limit: LIMIT });

  return (
    <>
      <PageHeader
        title="Customers"
        description="The people your agents have talked to. A customer is added by their first interaction."
      />
      <ListFilters
        searchLabel="Search by name, phone or e-mail"
        search={search}
        onSearch={(v) => {
          setSearch(v);
          setPage(1);
        }}
      />
      {customers.isPending && <LoadingBlock label="Loading customers" />}
      {customers.isError && <ErrorNotice error={customers.error} title="The customers could not be loaded" />}
      {customers.isSuccess && customers.data.items.length === 0 && (
        <EmptyState title={q ? "No customers match" : "No customers yet"}>
          {q
            ? "Try part of a name, a phone number or an e-mail address."
            : "Customers appear here after their first interaction."}
        </EmptyState>
      )}
      {customers.isSuccess && customers.data.items.length > 0 && (
        <>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Customers</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Name
                  </th>
                  <th scope="col" className="hidden px-4 py-2 font-semibold sm:table-cell">
                    Phone
                  </th>
                  <th scope="col" className="hidden px-4 py-2 font-semibold md:table-cell">
                    Email
                  </th>
                  <th scope="col" className="px-4 py-2 text-right font-semibold">
                    Interactions
                  </th>
                  <th scope="col" className="hidden px-4 py-2 font-semibold lg:table-cell">
                    Customer since
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {customers.data.items.map((customer) => (
                  <tr key={customer.id}>
                    <td className="px-4 py-3 align-top">
                      <Link
                        href={`/customers/${customer.id}`}
                        className="font-medium break-words text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
                      >
                        {customer.name || "Unnamed customer"}
                      </Link>
                      {/* On phones the contact columns are hidden, so show them under the name. */}
                      <span className="block text-xs break-all text-slate-500 sm:hidden">
                        {[customer.phone, customer.email].filter(Boolean).join(" · ")}
                      </span>
                    </td>
                    <td className="hidden px-4 py-3 align-top whitespace-nowrap text-slate-700 sm:table-cell">
                      {customer.phone ?? "—"}
                    </td>
                    <td className="hidden px-4 py-3 align-top break-all text-slate-700 md:table-cell">{customer.email ?? "—"}</td>
                    <td className="px-4 py-3 text-right align-top tabular-nums text-slate-700">{customer.interactionCount}</td>
                    <td className="hidden px-4 py-3 align-top text-slate-700 lg:table-cell">
                      {formatDateTime(customer.createdAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ListPager page={page} limit={LIMIT} total={customers.data.total} onPage={setPage} label="Customer pages" />
        </>
      )}
    </>
  );
}
