"use client";
// /agents: search, filter by state, page through, and open an agent to edit it.
import Link from "next/link";
import { useState } from "react";
import { useAgentQuery, useAgentsQuery } from "@/components/queries/directory";
import { ActiveBadge } from "@/components/ui/active-badge";
import { ButtonLink } from "@/components/ui/button";
import { type ActiveFilter, ListFilters } from "@/components/ui/list-filters";
import { ListPager } from "@/components/ui/list-pager";
import { PageHeader } from "@/components/ui/page-header";
import { SavedNotice } from "@/components/ui/saved-notice";
import { EmptyState, ErrorNotice, LoadingBlock } from "@/components/ui/states";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import { fullName } from "./names";

const LIMIT = 20;

export function AgentsList({ savedId }: { savedId?: string }) {
  const [search, setSearch] = useState("");
  const [active, setActive] = useState<ActiveFilter>("");
  const [page, setPage] = useState(1);
  const q = useDebouncedValue(search.trim());
  const agents = useAgentsQuery({ q, active, page, limit: LIMIT });
  const saved = useAgentQuery(savedId);

  return (
    <>
      <PageHeader
        title="Agents"
        description="The AI agents who talk to your customers, their voices and their skills."
        actions={<ButtonLink href="/agents/new">New agent</ButtonLink>}
      />
      {saved.data && <SavedNotice>Saved agent “{fullName(saved.data)}”.</SavedNotice>}
      <ListFilters
        searchLabel="Search agents"
        search={search}
        onSearch={(v) => {
          setSearch(v);
          setPage(1);
        }}
        active={active}
        onActive={(v) => {
          setActive(v);
          setPage(1);
        }}
      />
      {agents.isPending && <LoadingBlock label="Loading agents" />}
      {agents.isError && <ErrorNotice error={agents.error} title="The agents could not be loaded" />}
      {agents.isSuccess && agents.data.items.length === 0 && (
        <EmptyState
          title={q || active ? "No agents match" : "No agents yet"}
          action={!q && !active && <ButtonLink href="/agents/new">Create the first agent</ButtonLink>}
        >
          {(q || active) && "Try another search or show inactive agents too."}
        </EmptyState>
      )}
      {agents.isSuccess && agents.data.items.length > 0 && (
        <>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Agents</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Name
                  </th>
                  <th scope="col" className="hidden px-4 py-2 font-semibold sm:table-cell">
                    Language
                  </th>
                  <th scope="col" className="hidden px-4 py-2 font-semibold md:table-cell">
                    Voice
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Skills
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    State
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {agents.data.items.map((agent) => (
                  <tr key={agent.id}>
                    <td className="px-4 py-3 align-top">
                      <Link
                        href={`/agents/${agent.id}`}
                        className="font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
                      >
                        {fullName(agent)}
                      </Link>
                      {agent.roleText && <span className="block text-xs text-slate-500">{agent.roleText}</span>}
                    </td>
                    <td className="hidden px-4 py-3 align-top text-slate-700 sm:table-cell">{agent.language}</td>
                    <td className="hidden px-4 py-3 align-top text-slate-700 md:table-cell">{agent.voiceId || "—"}</td>
                    <td className="px-4 py-3 align-top text-slate-700">
                      {agent.skills.length ? agent.skills.map((s) => s.name).join(", ") : "—"}
                    </td>
                    <td className="px-4 py-3 align-top">
                      <ActiveBadge active={agent.active} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ListPager page={page} limit={LIMIT} total={agents.data.total} onPage={setPage} label="Agent pages" />
        </>
      )}
    </>
  );
}
