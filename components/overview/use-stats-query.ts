"use client";
// The overview's counters from GET /api/v1/stats. "Today" is the viewer's local day: the browser sends
// its own midnight, which also gets daylight-saving days right.
import { useQuery } from "@tanstack/react-query";
import { apiClient, toQuery } from "@/lib/api-client";
import type { Stats } from "@/server/stats/schema";

export const statsKeys = { today: (since: string) => ["stats", since] as const };

function localMidnight(now = new Date()): string {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).toISOString();
}

export function useStatsQuery() {
  const since = localMidnight();
  return useQuery({
    queryKey: statsKeys.today(since),
    queryFn: () => apiClient.get<Stats>(`/api/v1/stats${toQuery({ since })}`),
  });
}

/** Today as YYYY-MM-DD in the viewer's zone, for links into the list's date filter. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
