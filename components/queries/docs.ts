"use client";
// React Query hook for the API reference: the OpenAPI document the server generates from its schemas.
import { useQuery } from "@tanstack/react-query";
import { apiClient } from "@/lib/api-client";

export const useOpenApiDocumentQuery = () =>
  useQuery({
    queryKey: ["openapi"],
    queryFn: () => apiClient.get<Record<string, unknown>>("/api/v1/openapi.json"),
    staleTime: Number.POSITIVE_INFINITY,
  });
