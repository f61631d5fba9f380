// Maps a failed save onto a react-hook-form: each 422 detail lands on its field ("skillIds.0" on
// "skillIds"), and whatever matches no field comes back as one message for the top of the form.
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiClientError } from "@/lib/api-client";

export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): string | null {
  if (!(error instanceof ApiClientError)) return "The save failed. Try again.";
  let unmatched = error.details.length === 0;
  let focused = false;
  for (const detail of error.details) {
    const field = fields.find((f) => f === detail.path.split(".")[0]);
    if (!field) {
      unmatched = true;
      continue;
    }
    setError(field, { type: "server", message: detail.message }, { shouldFocus: !focused });
    focused = true;
  }
  return unmatched ? error.message : "Some fields need attention: see the messages below them.";
}
