"use client";
// /skills: search, filter by state, page through, and open a skill to edit it.
import Link from "next/link";
import { useState } from "react";
import { useSkillsQuery } from "@/components/queries/directory";
import { ActiveBadge } from "@/components/ui/active-badge";
import { ButtonLink } from "@/components/ui/button";
import { type ActiveFilter, ListFilters } from "@/components/ui/list-filters";
import { ListPager } from "@/components/ui/list-pager";
import { PageHeader } from "@/components/ui/page-header";
import { SavedNotice } from "@/components/ui/saved-notice";
import { EmptyState, ErrorNotice, LoadingBlock } from "@/components/ui/states";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import { useSkillQuery } from "./queries";
import { useAgentsBySkill } from "./use-agents-by-skill";

const LIMIT = 20;

export function SkillsList({ savedId }: { savedId?: string }) {
  const [search, setSearch] = useState("");
  const [active, setActive] = useState<ActiveFilter>("");
  const [page, setPage] = useState(1);
  const q = useDebouncedValue(search.trim());
  const skills = useSkillsQuery({ q, active, page, limit: LIMIT });
  const agents = useAgentsBySkill();

  return (
    <>
      <PageHeader
        title="Skills"
        description="What your agents can handle. An interaction always runs one skill."
        actions={<ButtonLink href="/skills/new">New skill</ButtonLink>}
      />
      {savedId && <SavedSkill id={savedId} />}
      <ListFilters
        searchLabel="Search skills"
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
      {skills.isPending && <LoadingBlock label="Loading skills" />}
      {skills.isError && <ErrorNotice error={skills.error} title="The skills could not be loaded" />}
      {skills.isSuccess && skills.data.items.length === 0 && (
        <EmptyState
          title={q || active ? "No skills match" : "No skills yet"}
          action={!q && !active && <ButtonLink href="/skills/new">Create the first skill</ButtonLink>}
        >
          {(q || active) && "Try another search or show inactive skills too."}
        </EmptyState>
      )}
      {skills.isSuccess && skills.data.items.length > 0 && (
        <>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Skills</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Name
                  </th>
                  <th scope="col" className="hidden px-4 py-2 font-semibold sm:table-cell">
                    Language
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    Agents
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    State
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {skills.data.items.map((skill) => (
                  <tr key={skill.id}>
                    <td className="px-4 py-3 align-top">
                      <Link
                        href={`/skills/${skill.id}`}
                        className="font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
                      >
                        {skill.name}
                      </Link>
                      {skill.description && <span className="block text-xs text-slate-500">{skill.description}</span>}
                    </td>
                    <td className="hidden px-4 py-3 align-top text-slate-700 sm:table-cell">{skill.language}</td>
                    <td className="px-4 py-3 align-top text-slate-700">
                      {agents.isSuccess ? (agents.bySkill.get(skill.id)?.length ?? 0) : "…"}
                    </td>
                    <td className="px-4 py-3 align-top">
                      <ActiveBadge active={skill.active} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ListPager page={page} limit={LIMIT} total={skills.data.total} onPage={setPage} label="Skill pages" />
        </>
      )}
    </>
  );
}

function SavedSkill({ id }: { id: string }) {
  const skill = useSkillQuery(id);
  return skill.data ? <SavedNotice>Saved skill “{skill.data.name}”.</SavedNotice> : null;
}
