"use client";
// React Query hooks for one agent's actions and (for admins) the secret their requests are signed with.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "@/lib/api-client";
import type { ActionDto, ActionSecretDto, CreateActionInput, UpdateActionInput } from "@/server/actions/schema";

export const actionKeys = {
  list: (agentId: string) => ["agent-actions", agentId] as const,
  secret: (agentId: string) => ["agent-actions", agentId, "secret"] as const,
};

const base = (agentId: string) => `/api/v1/agents/${agentId}/actions`;

export const useActionsQuery = (agentId: string) =>
  useQuery({ queryKey: actionKeys.list(agentId), queryFn: () => apiClient.list<ActionDto>(base(agentId)) });

/** Fetched only once an admin asks to see it, and never kept after the editor closes. */
export const useActionSecretQuery = (agentId: string, enabled: boolean) =>
  useQuery({
    queryKey: actionKeys.secret(agentId),
    queryFn: () => apiClient.get<ActionSecretDto>(`/api/v1/agents/${agentId}/actions-secret`),
    enabled,
    gcTime: 0,
  });

function useInvalidateActions(agentId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: actionKeys.list(agentId), exact: true });
}

export function useCreateActionMutation(agentId: string) {
  const onSuccess = useInvalidateActions(agentId);
  return useMutation({ mutationFn: (input: CreateActionInput) => apiClient.post<ActionDto>(base(agentId), input), onSuccess });
}

export function useUpdateActionMutation(agentId: string, id: string) {
  const onSuccess = useInvalidateActions(agentId);
  return useMutation({
    mutationFn: (input: UpdateActionInput) => apiClient.put<ActionDto>(`${base(agentId)}/${id}`, input),
    onSuccess,
  });
}

export function useDeleteActionMutation(agentId: string, id: string) {
  const onSuccess = useInvalidateActions(agentId);
  return useMutation({ mutationFn: () => apiClient.del(`${base(agentId)}/${id}`), onSuccess });
}
