import type { FieldError, FieldErrorsImpl, Merge } from "react-hook-form";

type AnyFieldError = FieldError | Merge<FieldError, FieldErrorsImpl<object>> | Merge<FieldError, (FieldError | undefined)[]>;

/**
 * The first message for a field, including one whose error sits deeper inside it: an array item
 * ("capabilities.2"), or a key of a JSON value edited as text ("parameters.properties.orderId").
 */
export function fieldMessage(error: AnyFieldError | undefined): string | undefined {
  return firstMessage(error, 0);
}

function firstMessage(error: unknown, depth: number): string | undefined {
  if (!error || typeof error !== "object" || depth > 8) return undefined;
  const { message } = error as { message?: unknown };
  if (typeof message === "string" && message) return message;
  for (const [key, value] of Object.entries(error)) {
    // react-hook-form keeps the DOM element of the field under `ref`: not an error to descend into.
    if (key === "ref") continue;
    const found = firstMessage(value, depth + 1);
    if (found) return found;
  }
  return undefined;
}
