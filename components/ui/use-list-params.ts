"use client";
// Search, active filter and page of a directory list kept in component state. Changing the search or
// the filter goes back to page 1, since the old page number may no longer exist.
import { useState } from "react";
import type { ActiveFilter } from "./list-filters";
import { useDebouncedValue } from "./use-debounced-value";

export function useListParams() {
  const [search, setSearch] = useState("");
  const [active, setActive] = useState<ActiveFilter>("");
  const [page, setPage] = useState(1);
  return {
    search,
    /** The trimmed, debounced search to send to the API. */
    q: useDebouncedValue(search.trim()),
    active,
    page,
    setPage,
    setSearch: (value: string) => {
      setSearch(value);
      setPage(1);
    },
    setActive: (value: ActiveFilter) => {
      setActive(value);
      setPage(1);
    },
  };
}
