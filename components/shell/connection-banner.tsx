"use client";
// A calm banner while the server cannot reach its database (or is restarting, or the network is gone):
// pages keep what they show and retry by themselves (components/providers.tsx); this says why they
// wait, checks /api/health every few seconds, and refreshes everything once the server is back.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";
import { connectionStatus, reportConnection, subscribeConnection } from "@/lib/connection-status";

const CHECK_EVERY_MS = 3_000;

export function ConnectionBanner() {
  const status = useSyncExternalStore(subscribeConnection, connectionStatus, () => "ok" as const);
  const queryClient = useQueryClient();

  useEffect(() => {
    if (status !== "reconnecting") return;
    const timer = setInterval(async () => {
      const healthy = await fetch("/api/health", { cache: "no-store" })
        .then((r) => r.ok)
        .catch(() => false);
      if (healthy) {
        reportConnection("ok");
        void queryClient.invalidateQueries();
      }
    }, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [status, queryClient]);

  if (status !== "reconnecting") return null;
  return (
    <div
      role="status"
      className="mb-4 flex items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <span aria-hidden className="h-2 w-2 animate-pulse rounded-full bg-amber-500" />
      <span>
        <strong className="font-semibold">Reconnecting to the database…</strong> Nothing is lost: this page retries by itself and
        updates when the server is back.
      </span>
    </div>
  );
}
