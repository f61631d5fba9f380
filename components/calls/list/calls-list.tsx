"use client";
// The interactions page: filters in the URL, the table, paging, and what to show while loading, on
// error and when nothing matches.
import { useEffect } from "react";
import { useCallsQuery } from "@/components/queries/calls";
import { Button, ButtonLink, buttonClass } from "@/components/ui/button";
import { ListPager } from "@/components/ui/list-pager";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorNotice } from "@/components/ui/states";
import { CallFilters } from "./call-filters";
import { CallsTable, CallsTableSkeleton } from "./calls-table";
import { exportHref, toApiQuery, useCallFilters } from "./use-call-filters";
import { useLiveCallsRefresh } from "@/components/calls/use-live-calls-refresh";

export function CallsList() {
  const { filters, active, update, clear } = useCallFilters();
  const calls = useCallsQuery(toApiQuery(filters));
  useLiveCallsRefresh();
  const total = calls.data?.total ?? 0;
  const items = calls.data?.items ?? [];

  // A page past the end (rows ended or were filtered away since the link was made): go to the last one.
  const lastPage = Math.max(1, Math.ceil(total / filters.limit));
  const pastTheEnd = calls.isSuccess && !calls.isPlaceholderData && filters.page > lastPage;
  useEffect(() => {
    if (pastTheEnd) update({ page: lastPage });
  }, [pastTheEnd, lastPage, update]);

  return (
    <>
      <PageHeader
        title="Interactions"
        description="Every call, message and chat your agents have handled, newest first."
        actions={
          <>
            {/* A plain link: the browser downloads the streamed file with the session cookie. */}
            <a href={exportHref(filters)} download className={buttonClass("secondary")}>
              Export CSV
            </a>
            <ButtonLink href="/calls/new">New interaction</ButtonLink>
          </>
        }
      />
      <CallFilters filters={filters} active={active} onChange={update} onClear={clear} />
      {calls.isPending ? (
        <CallsTableSkeleton />
      ) : calls.isError && !calls.data ? (
        <ErrorNotice error={calls.error} title="The interactions could not be loaded" />
      ) : total === 0 && !active ? (
        <EmptyState title="No interactions yet" action={<ButtonLink href="/calls/new">Start the first interaction</ButtonLink>}>
          Start one from the dashboard, or create one through the REST API (POST /api/v1/calls).
        </EmptyState>
      ) : total === 0 ? (
        <EmptyState
          title="No interactions match these filters"
          action={
            <Button variant="secondary" onClick={clear}>
              Clear filters
            </Button>
          }
        >
          Try another search, or widen the status, channel, agent or dates.
        </EmptyState>
      ) : (
        <div aria-busy={calls.isPlaceholderData} className={calls.isPlaceholderData ? "opacity-60 transition-opacity" : ""}>
          <CallsTable calls={items} caption={`Interactions, ${total} in all`} />
          <ListPager
            summary="range"
            page={filters.page}
            limit={filters.limit}
            total={total}
            onPage={(page) => update({ page })}
          />
        </div>
      )}
      {calls.isError && calls.data && (
        <div className="mt-4">
          <ErrorNotice error={calls.error} title="The list could not be refreshed; showing the last answer" />
        </div>
      )}
    </>
  );
}
