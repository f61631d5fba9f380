"use client";
// Keeps the interactions list and the overview current. The ONE place that decides how: polling every
// 3 s for now; when the SSE stream lands, this body becomes `useLiveCallsRefresh()` (which must also
// refresh ["stats"]).
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

const REFRESH_MS = 3000;

export function useLiveRefresh() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const timer = setInterval(() => {
      // A hidden tab does not need fresh numbers; focus refetches anyway when it returns.
      if (document.visibilityState === "hidden") return;
      queryClient.invalidateQueries({ queryKey: ["calls", "list"] });
      queryClient.invalidateQueries({ queryKey: ["stats"] });
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [queryClient]);
}
