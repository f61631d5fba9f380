"use client";
// Follows a batch live: an EventSource on /api/v1/batches/{id}/events writes every `progress` and the
// final `completed` into the React Query cache (batchKeys.detail), so the counts, the progress bar, the
// ETA and the task table move by themselves. The browser reconnects on its own (resuming with
// Last-Event-ID); `onOpenChange` tells the page whether the stream is open, and useBatchQuery polls
// while it is not.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { batchKeys } from "@/components/queries/batches";
import type { Batch } from "@/server/batches/schema";

export function useBatchEvents(id: string, enabled: boolean, onOpenChange: (open: boolean) => void) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource(`/api/v1/batches/${id}/events`);
    const write = (event: Event) => {
      queryClient.setQueryData(batchKeys.detail(id), JSON.parse((event as MessageEvent<string>).data) as Batch);
    };
    source.onopen = () => onOpenChange(true);
    source.onerror = () => onOpenChange(false);
    source.addEventListener("progress", write);
    source.addEventListener("completed", (event) => {
      write(event);
      source.close();
      onOpenChange(false);
      queryClient.invalidateQueries({ queryKey: ["batches", "list"] });
    });
    return () => {
      source.close();
      onOpenChange(false);
    };
  }, [id, enabled, onOpenChange, queryClient]);
}
