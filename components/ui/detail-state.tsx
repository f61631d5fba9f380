// A page about one item (an agent, a skill, a customer) before its data is here: the page keeps its
// one h1 and its way back while it loads or fails, and only then renders the real page.
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { PageHeader } from "./page-header";
import { ErrorNotice, LoadingBlock } from "./states";

export function DetailState<T>({
  query,
  title,
  back,
  loadingLabel,
  errorTitle,
  children,
}: {
  query: UseQueryResult<T>;
  /** The h1 until the item's own name is known. */
  title: string;
  back: ReactNode;
  loadingLabel: string;
  errorTitle: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isSuccess) return children(query.data);
  return (
    <>
      <PageHeader title={title} actions={back} />
      {query.isError ? <ErrorNotice error={query.error} title={errorTitle} /> : <LoadingBlock label={loadingLabel} />}
    </>
  );
}
