// Active or inactive, as a badge whose text says which (colour is never the only signal).
export function ActiveBadge({ active }: { active: boolean }) {
  return (
    <span
      className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
        active ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-slate-100 text-slate-700 ring-slate-300"
      }`}
    >
      {active ? "Active" : "Inactive"}
    </span>
  );
}
