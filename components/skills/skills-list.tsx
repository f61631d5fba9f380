"use client";
// /skills: search, filter by state, page through, and open a skill to edit it.
import Link from "next/link";
import { useSkillsQuery } from "@/components/queries/directory";
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
import type { SkillDto } from "@/server/skills/schema";
import { useSkillQuery } from "./queries";
import { useAgentsBySkill } from "./use-agents-by-skill";

const LIMIT = 20;

export function SkillsList({ savedId }: { savedId?: string }) {
  const { search, q, active, page, setSearch, setActive, setPage } = useListParams();
  const skills = useSkillsQuery({ q, active, page, limit: LIMIT });
  const agents = useAgentsBySkill();

  const columns: Column<SkillDto>[] = [
    {
      header: "Name",
      cell: (skill) => (
        <>
          <Link href={`/skills/${skill.id}`} className={rowLinkClass}>
            {skill.name}
          </Link>
          {skill.description && <span className="block text-xs text-slate-500">{skill.description}</span>}
        </>
      ),
    },
    { header: "Language", showFrom: "sm", cell: (skill) => skill.language },
    // The agent counts come from a second query; "…" until it arrives.
    { header: "Agents", cell: (skill) => (agents.isSuccess ? (agents.bySkill.get(skill.id)?.length ?? 0) : "…") },
    { header: "State", cell: (skill) => <ActiveBadge active={skill.active} /> },
  ];

  return (
    <>
      <PageHeader
        title="Skills"
        description="What your agents can handle. An interaction always runs one skill."
        actions={<ButtonLink href="/skills/new">New skill</ButtonLink>}
      />
      {savedId && <SavedSkill id={savedId} />}
      <ListFilters searchLabel="Search skills" search={search} onSearch={setSearch} active={active} onActive={setActive} />
      <ListState
        query={skills}
        loadingLabel="Loading skills"
        errorTitle="The skills could not be loaded"
        empty={
          <EmptyState
            title={q || active ? "No skills match" : "No skills yet"}
            action={!q && !active && <ButtonLink href="/skills/new">Create the first skill</ButtonLink>}
          >
            {(q || active) && "Try another search or show inactive skills too."}
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <DataTable caption="Skills" columns={columns} rows={data.items} rowKey={(skill) => skill.id} />
            <ListPager page={page} limit={LIMIT} total={data.total} onPage={setPage} label="Skill pages" />
          </>
        )}
      </ListState>
    </>
  );
}

function SavedSkill({ id }: { id: string }) {
  const skill = useSkillQuery(id);
  return skill.data ? <SavedNotice>Saved skill “{skill.data.name}”.</SavedNotice> : null;
}
