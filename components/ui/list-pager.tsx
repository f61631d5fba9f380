// Previous/next paging for a list whose total comes from X-Total-Count. Two summaries, because the pages
// that use it were designed (and tested) with different wording:
// - "range" ("1–20 of 57") always shows: the count is useful even when everything fits on one page.
// - "pages" ("Page 2 of 3 · 57 in all") hides on a single page, where it would only say "Page 1 of 1".
import { Button } from "./button";

export function ListPager({
  page,
  limit,
  total,
  onPage,
  label = "Pages",
  summary = "pages",
}: {
  page: number;
  limit: number;
  total: number;
  onPage: (page: number) => void;
  label?: string;
  summary?: "range" | "pages";
}) {
  const pages = Math.max(1, Math.ceil(total / limit));
  if (summary === "pages" && total <= limit && page === 1) return null;
  const first = total === 0 ? 0 : (page - 1) * limit + 1;
  const last = Math.min(total, page * limit);
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      <p aria-live="polite">
        {summary === "range" ? `${first}–${last} of ${total}` : `Page ${page} of ${pages} · ${total} in all`}
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </Button>
        <Button variant="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next
        </Button>
      </div>
    </nav>
  );
}
