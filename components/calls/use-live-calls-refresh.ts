"use client";
// For list and overview pages: listens to /api/v1/events (a summary of every call that changes) and
// refreshes the call lists and the stats, at most once per interval however busy the system is.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

const THROTTLE_MS = 1000;

export function useLiveCallsRefresh(throttleMs = THROTTLE_MS) {
  const queryClient = useQueryClient();

  useEffect(() => {
    let last = 0;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      last = Date.now();
      pending = undefined;
      queryClient.invalidateQueries({ queryKey: ["calls", "list"] });
      queryClient.invalidateQueries({ queryKey: ["stats"] });
    };
    // Leading and trailing: the first change shows at once, a burst ends with one more refresh.
    const onChange = () => {
      if (pending) return;
      const wait = last + throttleMs - Date.now();
      if (wait <= 0) refresh();
      else pending = setTimeout(refresh, wait);
    };
    const source = new EventSource("/api/v1/events");
    source.addEventListener("call", onChange);
    return () => {
      clearTimeout(pending);
      source.close();
    };
  }, [queryClient, throttleMs]);
}
