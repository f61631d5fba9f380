// Maps an API error onto a react-hook-form: field details onto their fields, the rest onto `root`.
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiClientError } from "@/lib/api-client";

export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: Path<T>[]) {
  if (!(error instanceof ApiClientError)) {
    setError("root", { message: "Something went wrong. Try again." });
    return;
  }
  let mapped = false;
  for (const detail of error.details) {
    const field = fields.find((f) => f === detail.path);
    if (field) {
      setError(field, { message: detail.message });
      mapped = true;
    }
  }
  if (!mapped) setError("root", { message: error.message });
}
