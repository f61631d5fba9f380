"use client";
// React Query hooks for interactions ("calls"). Keys: ['calls', 'list', filters] and ['calls', id].
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient, toQuery } from "@/lib/api-client";
import type { Call, CreateCallInput, UpdateCallInput } from "@/server/calls/schema";
import type { CorrectAnalysisInput } from "@/server/analysis/schema";

export type CallFilters = Record<string, string | number | undefined>;

export const callKeys = {
  all: ["calls"] as const,
  list: (filters: CallFilters) => ["calls", "list", filters] as const,
  detail: (id: string) => ["calls", id] as const,
};

export function useCallsQuery(filters: CallFilters) {
  return useQuery({
    queryKey: callKeys.list(filters),
    queryFn: () => apiClient.list<Call>(`/api/v1/calls${toQuery(filters)}`),
    placeholderData: keepPreviousData,
  });
}

/** How long after a real call ends its provider's recording is waited for (Twilio posts it after the hang-up). */
const RECORDING_WAIT_MS = 120_000;

/**
 * A real call's recording arrives after the call has ended, when the live stream has already closed: the
 * page looks again every few seconds until it is there, for two minutes at most.
 */
function awaitingRecording(call: Call | undefined): boolean {
  if (call?.channel !== "call" || call.simulated || call.recordingUrl || !call.endedAt) return false;
  return call.startedAt !== null && Date.now() - Date.parse(call.endedAt) < RECORDING_WAIT_MS;
}

export function useCallQuery(id: string) {
  return useQuery({
    queryKey: callKeys.detail(id),
    queryFn: () => apiClient.get<Call>(`/api/v1/calls/${id}`),
    // After the end: the recording, and the post-call analysis (the live stream waits for it only briefly).
    refetchInterval: (query) =>
      awaitingRecording(query.state.data) ? 2_000 : query.state.data?.analysis?.status === "pending" ? 3_000 : false,
  });
}

export function useCreateCallMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCallInput) => apiClient.post<Call>("/api/v1/calls", input),
    onSuccess: (call) => {
      queryClient.setQueryData(callKeys.detail(call.id), call);
      queryClient.invalidateQueries({ queryKey: ["calls", "list"] });
    },
  });
}

/**
 * A status change from the live view. A real call's transfer goes through POST …/transfer, so its
 * provider connects the customer to a person; everything else is a PUT.
 */
export function useUpdateCallMutation(id: string, provider?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCallInput) =>
      input.status === "transferred" && provider === "twilio"
        ? apiClient.post<Call>(`/api/v1/calls/${id}/transfer`, {})
        : apiClient.put<Call>(`/api/v1/calls/${id}`, input),
    onSuccess: (call) => {
      queryClient.setQueryData(callKeys.detail(id), call);
      queryClient.invalidateQueries({ queryKey: ["calls", "list"] });
    },
  });
}

/** A staff correction of the post-call analysis (PUT /api/v1/calls/{id}/analysis). */
export function useCorrectAnalysisMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CorrectAnalysisInput) => apiClient.put<Call>(`/api/v1/calls/${id}/analysis`, input),
    onSuccess: (call) => {
      queryClient.setQueryData(callKeys.detail(id), call);
      queryClient.invalidateQueries({ queryKey: ["calls", "list"] });
    },
  });
}

/** Take-over, hand-back and staff messages (POST /api/v1/calls/{id}/takeover|handback|messages). */
export function useConversationMutations(id: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: callKeys.detail(id) });
  const setCall = (call: Call) => queryClient.setQueryData(callKeys.detail(id), call);
  return {
    takeOver: useMutation({ mutationFn: () => apiClient.post<Call>(`/api/v1/calls/${id}/takeover`, {}), onSuccess: setCall }),
    handBack: useMutation({ mutationFn: () => apiClient.post<Call>(`/api/v1/calls/${id}/handback`, {}), onSuccess: setCall }),
    send: useMutation({
      mutationFn: (content: string) => apiClient.post<Call["messages"][number]>(`/api/v1/calls/${id}/messages`, { content }),
      onSuccess: refresh,
    }),
  };
}
