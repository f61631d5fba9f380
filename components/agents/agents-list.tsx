"use client";
// /agents: search, filter by state, page through, and open an agent to edit it.
import Link from "next/link";
import { useAgentQuery, useAgentsQuery } from "@/components/queries/directory";
import { ActiveBadge } from "@/components/ui/active-badge";
import { ButtonLink } from "@/components/ui/button";
import { type Column, DataTable, rowLinkClass } from "@/components/ui/data-table";
import { ListFilters } from "@/components/ui/list-filters";
import { ListPager } from "@/components/ui/list-pager";
import { ListState } from "@/components/ui/list-state";
import { PageHeader } from "@/components/ui/page-header";
import { SavedNotice } from "@/components/ui/saved-notice";
import { EmptyState } from "@/components/ui/states";
import { useListParams } from "@/components/ui/use-list-params";
import type { AgentDto } from "@/server/agents/schema";
import { fullName } from "./names";

const LIMIT = 20;

const COLUMNS: Column<AgentDto>[] = [
  {
    header: "Name",
    cell: (agent) => (
      <>
        <Link href={`/agents/${agent.id}`} className={rowLinkClass}>
          {fullName(agent)}
        </Link>
        {agent.roleText && <span className="block text-xs text-slate-500">{agent.roleText}</span>}
      </>
    ),
  },
  { header: "Language", showFrom: "sm", cell: (agent) => agent.language },
  { header: "Voice", showFrom: "md", cell: (agent) => agent.voiceId || "—" },
  { header: "Skills", cell: (agent) => (agent.skills.length ? agent.skills.map((s) => s.name).join(", ") : "—") },
  { header: "State", cell: (agent) => <ActiveBadge active={agent.active} /> },
];

export function AgentsList({ savedId }: { savedId?: string }) {
  const { search, q, active, page, setSearch, setActive, setPage } = useListParams();
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
      <ListFilters searchLabel="Search agents" search={search} onSearch={setSearch} active={active} onActive={setActive} />
      <ListState
        query={agents}
        loadingLabel="Loading agents"
        errorTitle="The agents could not be loaded"
        empty={
          <EmptyState
            title={q || active ? "No agents match" : "No agents yet"}
            action={!q && !active && <ButtonLink href="/agents/new">Create the first agent</ButtonLink>}
          >
            {(q || active) && "Try another search or show inactive agents too."}
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <DataTable caption="Agents" columns={COLUMNS} rows={data.items} rowKey={(agent) => agent.id} />
            <ListPager page={page} limit={LIMIT} total={data.total} onPage={setPage} label="Agent pages" />
          </>
        )}
      </ListState>
    </>
  );
}
