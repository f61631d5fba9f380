// A timestamp as "3 min ago", with the exact date and time on hover and for machines.
import { formatDateTime, formatRelative } from "@/lib/format";

export function When({ value }: { value: string }) {
  return (
    <time dateTime={value} title={formatDateTime(value)}>
      {formatRelative(value)}
    </time>
  );
}
