import type { FieldError, FieldErrorsImpl, Merge } from "react-hook-form";

type AnyFieldError = FieldError | Merge<FieldError, FieldErrorsImpl<object>> | Merge<FieldError, (FieldError | undefined)[]>;

/** The first message for a field, including an array field whose error sits on one item ("capabilities.2"). */
export function fieldMessage(error: AnyFieldError | undefined): string | undefined {
  if (!error) return undefined;
  if (typeof error.message === "string" && error.message) return error.message;
  for (const value of Object.values(error)) {
    if (value && typeof value === "object" && "message" in value && typeof value.message === "string") return value.message;
  }
  return undefined;
}
