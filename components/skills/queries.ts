"use client";
// Skill reads and writes. A skill's name and state show inside agents too, so agent views refresh as well.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { skillKeys } from "@/components/queries/directory";
import { apiClient } from "@/lib/api-client";
import type { CreateSkillInput, SkillDto, UpdateSkillInput } from "@/server/skills/schema";

export const useSkillQuery = (id: string) =>
  useQuery({ queryKey: skillKeys.detail(id), queryFn: () => apiClient.get<SkillDto>(`/api/v1/skills/${id}`) });

function useOnSaved() {
  const queryClient = useQueryClient();
  return (skill: SkillDto) => {
    queryClient.setQueryData(skillKeys.detail(skill.id), skill);
    queryClient.invalidateQueries({ queryKey: ["skills", "list"] });
    queryClient.invalidateQueries({ queryKey: ["agents"] });
  };
}

export function useCreateSkillMutation() {
  const onSuccess = useOnSaved();
  return useMutation({ mutationFn: (input: CreateSkillInput) => apiClient.post<SkillDto>("/api/v1/skills", input), onSuccess });
}

export function useUpdateSkillMutation(id: string) {
  const onSuccess = useOnSaved();
  return useMutation({
    mutationFn: (input: UpdateSkillInput) => apiClient.put<SkillDto>(`/api/v1/skills/${id}`, input),
    onSuccess,
  });
}
