"use client";
// React Query hooks for webhook endpoints and their delivery log.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiClient, toQuery } from "@/lib/api-client";
import type {
  CreateWebhookInput,
  DELIVERY_STATES,
  DeliveryDto,
  UpdateWebhookInput,
  WebhookDto,
  webhookWithSecretSchema,
} from "@/server/webhooks/schema";

export type WebhookWithSecretDto = z.infer<typeof webhookWithSecretSchema>;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
export type DeliveryFilters = { page: number; limit: number; state?: DeliveryState };

export const webhookKeys = {
  all: ["webhooks"] as const,
  list: (page: number, limit: number) => ["webhooks", "list", { page, limit }] as const,
  detail: (id: string) => ["webhooks", "detail", id] as const,
  deliveries: (id: string) => ["webhooks", "deliveries", id] as const,
  deliveryPage: (id: string, filters: DeliveryFilters) => ["webhooks", "deliveries", id, filters] as const,
};

/** While a delivery is still being tried, the log refreshes itself so a result shows without a reload. */
export const DELIVERY_REFRESH_MS = 2_000;

export const useWebhooksQuery = (page: number, limit: number) =>
  useQuery({
    queryKey: webhookKeys.list(page, limit),
    queryFn: () => apiClient.list<WebhookDto>(`/api/v1/webhooks${toQuery({ page, limit })}`),
  });

export const useWebhookQuery = (id: string) =>
  useQuery({ queryKey: webhookKeys.detail(id), queryFn: () => apiClient.get<WebhookDto>(`/api/v1/webhooks/${id}`) });

export const useWebhookDeliveriesQuery = (id: string, filters: DeliveryFilters) =>
  useQuery({
    queryKey: webhookKeys.deliveryPage(id, filters),
    queryFn: () => apiClient.list<DeliveryDto>(`/api/v1/webhooks/${id}/deliveries${toQuery(filters)}`),
    refetchInterval: (query) => (query.state.data?.items.some((d) => d.state === "pending") ? DELIVERY_REFRESH_MS : false),
    placeholderData: (previous) => previous,
  });

/** Every write can change the endpoint, its list entry and (tests, replays, re-enabling) its log. */
function useInvalidateWebhooks() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: webhookKeys.all });
}

export function useCreateWebhookMutation() {
  const onSuccess = useInvalidateWebhooks();
  return useMutation({
    mutationFn: (input: CreateWebhookInput) => apiClient.post<WebhookWithSecretDto>("/api/v1/webhooks", input),
    onSuccess,
  });
}

export function useUpdateWebhookMutation(id: string) {
  const onSuccess = useInvalidateWebhooks();
  return useMutation({
    mutationFn: (input: UpdateWebhookInput) => apiClient.put<WebhookDto>(`/api/v1/webhooks/${id}`, input),
    onSuccess,
  });
}

export function useDeleteWebhookMutation(id: string) {
  const onSuccess = useInvalidateWebhooks();
  return useMutation({ mutationFn: () => apiClient.del(`/api/v1/webhooks/${id}`), onSuccess });
}

export function useRotateWebhookSecretMutation(id: string) {
  const onSuccess = useInvalidateWebhooks();
  return useMutation({
    mutationFn: () => apiClient.post<WebhookWithSecretDto>(`/api/v1/webhooks/${id}/rotate-secret`),
    onSuccess,
  });
}

export function useSendTestEventMutation(id: string) {
  const onSuccess = useInvalidateWebhooks();
  return useMutation({ mutationFn: () => apiClient.post<DeliveryDto>(`/api/v1/webhooks/${id}/test`), onSuccess });
}

export function useReplayDeliveryMutation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => apiClient.post<DeliveryDto>(`/api/v1/webhooks/${id}/deliveries/${deliveryId}/replay`),
    onSuccess: () => client.invalidateQueries({ queryKey: webhookKeys.deliveries(id) }),
  });
}
