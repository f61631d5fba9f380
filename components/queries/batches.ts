"use client";
// React Query hooks for batch campaigns. A batch that is still going follows its events stream
// (components/batches/use-batch-events.ts), or is polled every second while the stream is not open, so
// its counts, progress bar and ETA move while the dispatcher works.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient, toQuery } from "@/lib/api-client";
import type { Batch, BatchTaskObject, CreateBatchInput, UpdateBatchInput } from "@/server/batches/schema";

type ListParams = Record<string, string | number | undefined>;
const LIVE = new Set(["scheduled", "running", "paused"]);

export const batchKeys = {
  list: (p: ListParams) => ["batches", "list", p] as const,
  detail: (id: string) => ["batches", id] as const,
  tasks: (id: string, p: ListParams) => ["batches", id, "tasks", p] as const,
};

export const useBatchesQuery = (params: ListParams) =>
  useQuery({
    queryKey: batchKeys.list(params),
    queryFn: () => apiClient.list<Batch>(`/api/v1/batches${toQuery(params)}`),
    refetchInterval: (q) => (q.state.data?.items.some((b) => LIVE.has(b.status)) ? 2000 : false),
  });

/** `streaming`: its events stream (useBatchEvents) keeps the cache fresh, so it is polled only without one. */
export const useBatchQuery = (id: string, streaming = false) =>
  useQuery({
    queryKey: batchKeys.detail(id),
    queryFn: () => apiClient.get<Batch>(`/api/v1/batches/${id}`),
    refetchInterval: (q) => (!streaming && q.state.data && LIVE.has(q.state.data.status) ? 1000 : false),
  });

export const isLiveBatch = (batch: Batch | undefined) => Boolean(batch && LIVE.has(batch.status));

/**
 * The tasks follow the batch: `version` (its counts and status, which the batch poll keeps fresh) is part
 * of the key, so the table reloads exactly when something changed, including the final change.
 */
export const useBatchTasksQuery = (id: string, params: ListParams, version: string) =>
  useQuery({
    queryKey: [...batchKeys.tasks(id, params), version],
    queryFn: () => apiClient.list<BatchTaskObject>(`/api/v1/batches/${id}/tasks${toQuery(params)}`),
    placeholderData: keepPreviousData,
  });

export function useCreateBatchMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    // The wire body: startAt travels as an ISO string, which the schema turns into a Date on the server.
    mutationFn: (input: Omit<CreateBatchInput, "startAt"> & { startAt?: string }) =>
      apiClient.post<Batch>("/api/v1/batches", input),
    onSuccess: (batch) => {
      queryClient.setQueryData(batchKeys.detail(batch.id), batch);
      queryClient.invalidateQueries({ queryKey: ["batches", "list"] });
    },
  });
}

export function useUpdateBatchMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateBatchInput) => apiClient.put<Batch>(`/api/v1/batches/${id}`, input),
    onSuccess: (batch) => {
      queryClient.setQueryData(batchKeys.detail(id), batch);
      queryClient.invalidateQueries({ queryKey: ["batches"] });
    },
  });
}
