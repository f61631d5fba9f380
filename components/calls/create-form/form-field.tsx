// A labelled control like the kit's Field, plus a visible "required" mark that can change with the
// channel. The label text stays exactly the field's name; the mark sits beside it and the control
// carries aria-required, so screen readers hear it once.
import { type ReactNode, useId } from "react";

type A11y = { id: string; "aria-invalid"?: true; "aria-describedby"?: string; "aria-required"?: true };

export function FormField({
  label,
  required = false,
  hint,
  error,
  className = "",
  children,
}: {
  label: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: (a11y: A11y) => ReactNode;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`min-w-0 ${className}`}>
      <div className="mb-1 flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        {required && (
          <span aria-hidden className="text-xs font-medium text-indigo-700">
            required
          </span>
        )}
      </div>
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy,
        "aria-required": required ? true : undefined,
      })}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
