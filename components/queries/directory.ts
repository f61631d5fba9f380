"use client";
// React Query hooks for the directory: agents, skills and customers.
import { useQuery } from "@tanstack/react-query";
import { apiClient, toQuery } from "@/lib/api-client";
import type { AgentDto } from "@/server/agents/schema";
import type { CustomerDto } from "@/server/customers/schema";
import type { SkillDto } from "@/server/skills/schema";

type ListParams = Record<string, string | number | undefined>;

export const agentKeys = {
  list: (p: ListParams) => ["agents", "list", p] as const,
  detail: (id: string) => ["agents", id] as const,
};
export const skillKeys = {
  list: (p: ListParams) => ["skills", "list", p] as const,
  detail: (id: string) => ["skills", id] as const,
};
export const customerKeys = {
  list: (p: ListParams) => ["customers", "list", p] as const,
  detail: (id: string) => ["customers", id] as const,
};

export const useAgentsQuery = (params: ListParams = { limit: 100 }) =>
  useQuery({ queryKey: agentKeys.list(params), queryFn: () => apiClient.list<AgentDto>(`/api/v1/agents${toQuery(params)}`) });

export const useAgentQuery = (id: string | undefined) =>
  useQuery({
    queryKey: agentKeys.detail(id ?? ""),
    queryFn: () => apiClient.get<AgentDto>(`/api/v1/agents/${id}`),
    enabled: !!id,
  });

export const useSkillsQuery = (params: ListParams = { limit: 100 }) =>
  useQuery({ queryKey: skillKeys.list(params), queryFn: () => apiClient.list<SkillDto>(`/api/v1/skills${toQuery(params)}`) });

export const useCustomersQuery = (params: ListParams) =>
  useQuery({
    queryKey: customerKeys.list(params),
    queryFn: () => apiClient.list<CustomerDto>(`/api/v1/customers${toQuery(params)}`),
  });

export const useCustomerQuery = (id: string) =>
  useQuery({ queryKey: customerKeys.detail(id), queryFn: () => apiClient.get<CustomerDto>(`/api/v1/customers/${id}`) });
