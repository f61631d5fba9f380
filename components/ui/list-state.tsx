// What every paged list shows around its rows: a spinner while the first page loads, the error when it
// fails, the list's own empty state when there is nothing, and otherwise the rows (children).
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorNotice, LoadingBlock } from "./states";

export function ListState<T>({
  query,
  loadingLabel,
  errorTitle,
  empty,
  children,
}: {
  query: UseQueryResult<{ items: T[]; total: number }>;
  loadingLabel: string;
  errorTitle: string;
  empty: ReactNode;
  children: (data: { items: T[]; total: number }) => ReactNode;
}) {
  if (query.isPending) return <LoadingBlock label={loadingLabel} />;
  if (query.isError) return <ErrorNotice error={query.error} title={errorTitle} />;
  if (query.data.items.length === 0) return empty;
  return children(query.data);
}
