"use client";
// Agent writes. Every save refreshes the agent lists and the skills' "agents with this skill" views.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { agentKeys } from "@/components/queries/directory";
import { apiClient } from "@/lib/api-client";
import type { AgentDto, CreateAgentInput, UpdateAgentInput } from "@/server/agents/schema";

function useOnSaved() {
  const queryClient = useQueryClient();
  return (agent: AgentDto) => {
    queryClient.setQueryData(agentKeys.detail(agent.id), agent);
    queryClient.invalidateQueries({ queryKey: ["agents", "list"] });
  };
}

export function useCreateAgentMutation() {
  const onSuccess = useOnSaved();
  return useMutation({ mutationFn: (input: CreateAgentInput) => apiClient.post<AgentDto>("/api/v1/agents", input), onSuccess });
}

export function useUpdateAgentMutation(id: string) {
  const onSuccess = useOnSaved();
  return useMutation({
    mutationFn: (input: UpdateAgentInput) => apiClient.put<AgentDto>(`/api/v1/agents/${id}`, input),
    onSuccess,
  });
}
