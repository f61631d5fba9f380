"use client";
// Search, active filter and page of a directory list, kept in the URL (?q=&active=&page=) so a reload or
// a shared link shows the same list, as on the interactions list. Changing the search or the filter
// goes back to page 1, since the old page number may no longer exist.
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import type { ActiveFilter } from "./list-filters";
import { useDebouncedValue } from "./use-debounced-value";

type Changes = { q?: string; active?: ActiveFilter; page?: number };

export function useListParams() {
  const params = useSearchParams();
  const pathname = usePathname();
  const urlQ = (params.get("q") ?? "").slice(0, 100);
  const rawActive = params.get("active");
  const active: ActiveFilter = rawActive === "true" || rawActive === "false" ? rawActive : "";
  const rawPage = Number(params.get("page"));
  const page = Number.isInteger(rawPage) && rawPage >= 1 ? rawPage : 1;

  // The box keeps what is typed; the URL (and the API) get it once typing pauses.
  const [search, setSearchText] = useState(urlQ);
  const q = useDebouncedValue(search.trim());

  // The browser's history API: Next syncs useSearchParams with it without a server round trip.
  const write = useCallback(
    (changes: Changes) => {
      // A debounced search can land after a click has already navigated away; it must not pull the
      // browser back to the list.
      if (window.location.pathname !== pathname) return;
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(changes)) {
        if (value === "" || value === undefined || (key === "page" && value === 1)) next.delete(key);
        else next.set(key, String(value));
      }
      const query = next.toString();
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );

  useEffect(() => {
    if (q !== new URLSearchParams(window.location.search).get("q") && (q || urlQ)) write({ q, page: 1 });
  }, [q, urlQ, write]);

  return {
    search,
    /** The trimmed, debounced search to send to the API. */
    q,
    active,
    page,
    setPage: (value: number) => write({ page: value }),
    setSearch: setSearchText,
    setActive: (value: ActiveFilter) => write({ active: value, page: 1 }),
  };
}
