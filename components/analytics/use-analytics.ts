"use client";
// The analytics page's filters live in the URL (?from=&to=&channel=&agent=&skill=&direction=), so a
// reload or a shared link shows the same charts. Days are the viewer's own: the browser sends its IANA
// time zone, and a missing from/to means the last 7 days, as the API's default.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { apiClient, toQuery } from "@/lib/api-client";
import { addDays } from "@/server/analytics/calendar";
import type { Analytics } from "@/server/analytics/schema";
import { CHANNELS } from "@/server/calls/status";

export const ANALYTICS_FILTER_KEYS = ["from", "to", "channel", "agent", "skill", "direction"] as const;
export type AnalyticsFilterKey = (typeof ANALYTICS_FILTER_KEYS)[number];
export type AnalyticsFilters = Record<AnalyticsFilterKey, string>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** YYYY-MM-DD in the viewer's zone, `offsetDays` from today. */
export function localDay(offsetDays = 0, now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** Only values the API accepts survive, so a hand-edited link cannot put the page into an error state. */
function readFilters(params: URLSearchParams): AnalyticsFilters {
  const pick = (key: string, ok: (v: string) => boolean) => {
    const v = params.get(key) ?? "";
    return ok(v) ? v : "";
  };
  return {
    from: pick("from", (v) => DATE.test(v)),
    to: pick("to", (v) => DATE.test(v)),
    channel: pick("channel", (v) => (CHANNELS as readonly string[]).includes(v)),
    agent: pick("agent", (v) => UUID.test(v)),
    skill: pick("skill", (v) => UUID.test(v)),
    direction: pick("direction", (v) => v === "inbound" || v === "outbound"),
  };
}

export function useAnalyticsFilters() {
  const params = useSearchParams();
  const pathname = usePathname();
  const filters = useMemo(() => readFilters(new URLSearchParams(params.toString())), [params]);
  const active = ANALYTICS_FILTER_KEYS.some((k) => filters[k] !== "");

  // The browser's own history API: Next syncs useSearchParams with it without a server round trip.
  const go = useCallback(
    (next: URLSearchParams) => {
      const query = next.toString();
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );
  const update = useCallback(
    (changes: Partial<AnalyticsFilters>) => {
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      go(next);
    },
    [go],
  );
  const clear = useCallback(() => go(new URLSearchParams()), [go]);
  return { filters, active, update, clear };
}

export type AnalyticsApiQuery = Record<string, string | undefined>;

/** The range shown: the URL's days, else the 7 days ending today (or ending at a later From). */
export function effectiveRange(f: AnalyticsFilters): { from: string; to: string } {
  const today = localDay();
  const fromIsLater = f.from > today;
  const to = f.to || (fromIsLater ? f.from : today);
  return { from: f.from || addDays(to, -6), to };
}

/** The GET /api/v1/analytics query for these filters; a backwards range is left to the API's 422. */
export function toAnalyticsQuery(f: AnalyticsFilters, tz = viewerTimeZone()): AnalyticsApiQuery {
  return {
    ...effectiveRange(f),
    tz,
    channel: f.channel || undefined,
    agentId: f.agent || undefined,
    skillId: f.skill || undefined,
    direction: f.direction || undefined,
  };
}

export const analyticsKeys = { query: (q: AnalyticsApiQuery) => ["analytics", q] as const };

export function useAnalyticsQuery(query: AnalyticsApiQuery, enabled = true) {
  return useQuery({
    queryKey: analyticsKeys.query(query),
    queryFn: () => apiClient.get<Analytics>(`/api/v1/analytics${toQuery(query)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}
