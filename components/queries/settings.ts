"use client";
// React Query hooks for settings: API credentials, staff accounts and passwords.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "@/lib/api-client";
import type { ApiKeyDto, CreateApiKeyInput, CreatedApiKeyDto } from "@/server/api-keys/schema";
import type { SessionUser } from "@/server/auth/schema";
import type {
  ChangeOwnPasswordInput,
  CreateStaffUserInput,
  SetStaffPasswordInput,
  StaffUserDto,
  UpdateStaffUserInput,
} from "@/server/staff/schema";

export const apiKeyKeys = { all: ["api-keys"] as const };
export const staffUserKeys = { all: ["staff-users"] as const };

export const useApiKeysQuery = () =>
  useQuery({ queryKey: apiKeyKeys.all, queryFn: () => apiClient.list<ApiKeyDto>("/api/v1/api-keys?limit=100") });

export function useCreateApiKeyMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateApiKeyInput) => apiClient.post<CreatedApiKeyDto>("/api/v1/api-keys", input),
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}

export function useRevokeApiKeyMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.del(`/api/v1/api-keys/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}

export const useStaffUsersQuery = () =>
  useQuery({ queryKey: staffUserKeys.all, queryFn: () => apiClient.list<StaffUserDto>("/api/v1/users?limit=100") });

export function useCreateStaffUserMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateStaffUserInput) => apiClient.post<StaffUserDto>("/api/v1/users", input),
    onSuccess: () => client.invalidateQueries({ queryKey: staffUserKeys.all }),
  });
}

export function useUpdateStaffUserMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateStaffUserInput & { id: string }) =>
      apiClient.put<StaffUserDto>(`/api/v1/users/${id}`, input),
    // Deactivating someone also revokes their keys and disables their webhooks.
    onSuccess: () => client.invalidateQueries(),
  });
}

/** An admin sets someone else's password; that person is signed out everywhere. */
export const useSetStaffPasswordMutation = () =>
  useMutation({
    mutationFn: ({ id, ...input }: SetStaffPasswordInput & { id: string }) =>
      apiClient.put<StaffUserDto>(`/api/v1/users/${id}/password`, input),
  });

/** Changes the signed-in person's password; the answer carries a fresh session cookie for this browser. */
export const useChangeOwnPasswordMutation = () =>
  useMutation({ mutationFn: (input: ChangeOwnPasswordInput) => apiClient.put<SessionUser>("/api/v1/session/password", input) });

export function useRemoveStaffUserMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiClient.del(`/api/v1/users/${id}`),
    // Removing someone also revokes their keys and disables their webhooks.
    onSuccess: () => client.invalidateQueries(),
  });
}
