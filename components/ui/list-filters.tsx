"use client";
// The search box and active/inactive filter above a directory list (agents, skills).
import { inputClass } from "./field";

export type ActiveFilter = "" | "true" | "false";

export function ListFilters({
  searchLabel,
  search,
  onSearch,
  active,
  onActive,
}: {
  searchLabel: string;
  search: string;
  onSearch: (value: string) => void;
  active?: ActiveFilter;
  onActive?: (value: ActiveFilter) => void;
}) {
  return (
    <search className="mb-4 flex flex-wrap items-end gap-3">
      <div className="min-w-0 flex-1 basis-60">
        <label htmlFor="list-search" className="mb-1 block text-sm font-medium text-slate-800">
          {searchLabel}
        </label>
        <input
          id="list-search"
          type="search"
          className={inputClass}
          value={search}
          maxLength={100}
          onChange={(e) => onSearch(e.target.value)}
        />
      </div>
      {onActive && (
        <div className="basis-40">
          <label htmlFor="list-active" className="mb-1 block text-sm font-medium text-slate-800">
            Show
          </label>
          <select
            id="list-active"
            className={inputClass}
            value={active}
            onChange={(e) => onActive(e.target.value as ActiveFilter)}
          >
            <option value="">Active and inactive</option>
            <option value="true">Active only</option>
            <option value="false">Inactive only</option>
          </select>
        </div>
      )}
    </search>
  );
}
