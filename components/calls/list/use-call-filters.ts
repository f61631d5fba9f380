"use client";
// The list's filters live in the URL (?status=&channel=&agent=&direction=&needsPerson=&sentiment=&successful=&from=&to=&q=
// &page=&limit=), so a reload
// or a shared link shows the same list. This hook reads them and replaces the URL on every change.
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { toQuery } from "@/lib/api-client";
import { SENTIMENTS } from "@/server/analysis/schema";
import { CHANNELS, STATUSES } from "@/server/calls/status";

export const FILTER_KEYS = [
  "status",
  "channel",
  "agent",
  "direction",
  "needsPerson",
  "sentiment",
  "successful",
  "from",
  "to",
  "q",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type CallListFilters = Record<FilterKey, string> & { page: number; limit: number };

export const DEFAULT_LIMIT = 20;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const whole = (value: string | null, min: number, max: number, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};

/** Only values the API accepts survive, so a hand-edited link cannot put the page into an error state. */
function readFilters(params: URLSearchParams): CallListFilters {
  const pick = (key: string, ok: (v: string) => boolean) => {
    const v = params.get(key) ?? "";
    return ok(v) ? v : "";
  };
  return {
    status: pick("status", (v) => (STATUSES as readonly string[]).includes(v)),
    channel: pick("channel", (v) => (CHANNELS as readonly string[]).includes(v)),
    agent: pick("agent", (v) => UUID.test(v)),
    direction: pick("direction", (v) => v === "inbound" || v === "outbound"),
    needsPerson: pick("needsPerson", (v) => v === "true"),
    sentiment: pick("sentiment", (v) => (SENTIMENTS as readonly string[]).includes(v)),
    successful: pick("successful", (v) => v === "true" || v === "false"),
    from: pick("from", (v) => DATE.test(v)),
    to: pick("to", (v) => DATE.test(v)),
    q: (params.get("q") ?? "").slice(0, 200),
    page: whole(params.get("page"), 1, 100_000, 1),
    limit: whole(params.get("limit"), 1, 100, DEFAULT_LIMIT),
  };
}

/** "To" is inclusive: the range ends at the last millisecond of that day, in the viewer's zone. */
const localDayStart = (day: string) => new Date(`${day}T00:00:00`).toISOString();
const localDayEnd = (day: string) => new Date(`${day}T23:59:59.999`).toISOString();

export const rangeIsBackwards = (f: Pick<CallListFilters, "from" | "to">) => Boolean(f.from && f.to && f.from > f.to);

/** The GET /api/v1/calls query for these filters. */
export function toApiQuery(f: CallListFilters): Record<string, string | number | undefined> {
  const backwards = rangeIsBackwards(f);
  return {
    status: f.status || undefined,
    channel: f.channel || undefined,
    agentId: f.agent || undefined,
    direction: f.direction || undefined,
    needsPerson: f.needsPerson || undefined,
    sentiment: f.sentiment || undefined,
    successful: f.successful || undefined,
    "dateRange[from]": f.from ? localDayStart(f.from) : undefined,
    "dateRange[to]": f.to && !backwards ? localDayEnd(f.to) : undefined,
    q: f.q.trim() || undefined,
    page: f.page,
    limit: f.limit,
  };
}

/** The CSV export of exactly these filters (every page). */
export function exportHref(f: CallListFilters): string {
  const { page: _page, limit: _limit, ...filters } = toApiQuery(f);
  return `/api/v1/calls.csv${toQuery(filters)}`;
}

export function useCallFilters() {
  const params = useSearchParams();
  const pathname = usePathname();
  const filters = useMemo(() => readFilters(new URLSearchParams(params.toString())), [params]);
  const active = FILTER_KEYS.some((k) => filters[k] !== "");

  // The browser's own history API: Next syncs useSearchParams with it, without a server round trip,
  // and the URL changes at once, so two quick changes build on each other instead of on a stale URL.
  const go = useCallback(
    (next: URLSearchParams) => {
      const query = next.toString();
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );

  /** Changes some values; any filter change goes back to page 1. */
  const update = useCallback(
    (changes: Partial<Record<FilterKey, string>> & { page?: number }) => {
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(changes)) {
        if (value === "" || value === undefined || (key === "page" && value === 1)) next.delete(key);
        else next.set(key, String(value));
      }
      if (!("page" in changes)) next.delete("page");
      go(next);
    },
    [go],
  );

  /** Drops every filter but keeps the page size. */
  const clear = useCallback(() => {
    const limit = new URLSearchParams(window.location.search).get("limit");
    go(new URLSearchParams(limit ? { limit } : {}));
  }, [go]);

  return { filters, active, update, clear };
}
