"use client";
// Follows one call live: an EventSource on /api/v1/calls/{id}/events writes every snapshot into the
// React Query cache (callKeys.detail), so every component reading the call re-renders by itself.
// EventSource reconnects on its own and resumes with Last-Event-ID; if the browser gives up (the
// server refused the stream), we open a new one after a pause and refetch to catch up.
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { callKeys } from "@/components/queries/calls";
import type { Call } from "@/server/calls/schema";
import { isTerminal } from "@/server/calls/status";

export type LiveState = "connecting" | "live" | "reconnecting" | "ended";

const RETRY_AFTER_CLOSE_MS = 3000;

/** A snapshot older than the cached call (a PUT answered first) must not overwrite it. */
function isOlder(next: Call, current: Call | undefined) {
  if (!current) return false;
  return Date.parse(next.updatedAt) < Date.parse(current.updatedAt) || next.messages.length < current.messages.length;
}

function writeSnapshot(queryClient: QueryClient, id: string, call: Call) {
  const current = queryClient.getQueryData<Call>(callKeys.detail(id));
  if (isOlder(call, current)) return;
  queryClient.setQueryData(callKeys.detail(id), call);
  if (current && current.status !== call.status) queryClient.invalidateQueries({ queryKey: ["calls", "list"] });
}

/** Streams `id` into the cache while `enabled` (the call is loaded and not over). */
export function useCallEvents(id: string, enabled: boolean): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");

  useEffect(() => {
    if (!enabled) {
      setState("ended");
      return;
    }
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const open = () => {
      setState((s) => (s === "live" ? "reconnecting" : s === "ended" ? "connecting" : s));
      const es = new EventSource(`/api/v1/calls/${id}/events`);
      source = es;
      es.onopen = () => setState("live");
      es.addEventListener("analyzed", (event) => {
        writeSnapshot(queryClient, id, JSON.parse((event as MessageEvent<string>).data) as Call);
        queryClient.invalidateQueries({ queryKey: ["calls", "list"] });
      });
      es.addEventListener("call", (event) => {
        const call = JSON.parse((event as MessageEvent<string>).data) as Call;
        writeSnapshot(queryClient, id, call);
        setState("live");
        // Ended, analysis pending: the server sends it (`analyzed`) or ends the stream; no reconnect either way.
        if (isTerminal(call.status) && call.analysis?.status === "pending") stopped = true;
        else if (isTerminal(call.status)) {
          stopped = true;
          es.close();
          setState("ended");
        }
      });
      es.onerror = () => {
        if (stopped) {
          // The server ended an ended call's stream (its analysis arrived or the wait ran out): no reconnect.
          es.close();
          setState("ended");
          return;
        }
        if (es.readyState !== EventSource.CLOSED) {
          setState("reconnecting");
          return;
        }
        // The browser will not retry this one (an error status, or 204 after the end): we do.
        setState("reconnecting");
        retry = setTimeout(() => {
          queryClient.invalidateQueries({ queryKey: callKeys.detail(id) });
          open();
        }, RETRY_AFTER_CLOSE_MS);
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [id, enabled, queryClient]);

  return enabled ? state : "ended";
}
