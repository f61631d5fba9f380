// Who created an API key or webhook endpoint. Nobody, for the bootstrap credential's (and for those
// older than owners); a removed person's name stays, marked as removed.
import type { CreatorDto } from "@/server/staff/schema";

export function CreatedBy({ creator }: { creator: CreatorDto | null }) {
  if (!creator) return <span className="text-slate-500">nobody (bootstrap)</span>;
  return (
    <span className="break-words">
      {creator.name || creator.email}
      {creator.name && <span className="text-slate-500"> · {creator.email}</span>}
      {creator.id === null && <span className="text-slate-500"> (removed)</span>}
    </span>
  );
}
