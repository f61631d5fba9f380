"use client";
// The agent page's knowledge bases: tick the ones its conversations search (the same attachment as the
// Knowledge page's "Agents that use it", stored on each knowledge base).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { SaveRow } from "@/components/ui/save-row";
import { Card } from "@/components/ui/page-header";
import { ErrorNotice, Spinner } from "@/components/ui/states";
import { apiClient } from "@/lib/api-client";
import type { KnowledgeBaseDto } from "@/server/knowledge/schema";

const KEY = ["knowledge-bases"] as const;

export function AgentKnowledge({ agentId }: { agentId: string }) {
  const queryClient = useQueryClient();
  const bases = useQuery({ queryKey: KEY, queryFn: () => apiClient.list<KnowledgeBaseDto>("/api/v1/knowledge-bases?limit=100") });
  const [chosen, setChosen] = useState<string[] | null>(null);
  const attached = bases.data?.items.filter((kb) => kb.agentIds.includes(agentId)).map((kb) => kb.id) ?? [];
  const selection = chosen ?? attached;
  const save = useMutation({
    mutationFn: async (ids: string[]) => {
      for (const kb of bases.data?.items ?? []) {
        const has = kb.agentIds.includes(agentId);
        const wants = ids.includes(kb.id);
        if (has === wants) continue;
        const agentIds = wants ? [...kb.agentIds, agentId] : kb.agentIds.filter((id) => id !== agentId);
        await apiClient.put<KnowledgeBaseDto>(`/api/v1/knowledge-bases/${kb.id}`, { agentIds });
      }
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: KEY });
      setChosen(null);
    },
  });
  return (
    <Card title="Knowledge bases">
      {bases.isPending ? (
        <Spinner label="Loading knowledge bases" />
      ) : bases.isError ? (
        <ErrorNotice error={bases.error} title="The knowledge bases could not be loaded" />
      ) : bases.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">
          No knowledge bases yet.{" "}
          <Link href="/knowledge" className="font-medium text-indigo-700 underline">
            Create one
          </Link>{" "}
          to let this agent answer from your documents.
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(selection);
          }}
        >
          <fieldset>
            <legend className="text-sm text-slate-700">
              With a language model, the agent answers from these, and offers a person when they do not hold the answer.
            </legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {bases.data.items.map((kb) => (
                <label key={kb.id} className="flex items-center gap-2 text-sm text-slate-800">
                  <input
                    type="checkbox"
                    className="size-4 rounded border-slate-300"
                    checked={selection.includes(kb.id)}
                    onChange={(e) => setChosen(e.target.checked ? [...selection, kb.id] : selection.filter((id) => id !== kb.id))}
                  />
                  {kb.name}
                </label>
              ))}
            </div>
          </fieldset>
          <SaveRow
            label="Save knowledge bases"
            error={save.error instanceof Error ? save.error.message : null}
            busy={save.isPending || chosen === null}
            saved={save.isSuccess && chosen === null}
          />
        </form>
      )}
    </Card>
  );
}
