// Form fields with a visible label, help text and an inline error wired up for screen readers.
import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from "react";

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus-visible:border-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600 aria-invalid:border-red-500 disabled:bg-slate-100";

type FieldProps = { label: string; error?: string; hint?: ReactNode; className?: string };

type FieldA11y = { id: string; "aria-invalid"?: true; "aria-describedby"?: string; "aria-required"?: true };

/**
 * Renders the label, the control (via a render prop receiving its id and aria props), hint and error.
 * `required` adds a visible "required" mark beside the label (not inside it, so the accessible name stays
 * exactly the label) and aria-required on the control, so screen readers hear it once; it may change while
 * the form is open (the create form's contact fields follow the channel).
 * The hint normally gives way to the error; `keepHintOnError` keeps both where the hint is what tells the
 * user how to fix it (an allowed range, or why a list is empty).
 */
export function Field({
  label,
  error,
  hint,
  className = "",
  required = false,
  keepHintOnError = false,
  children,
}: FieldProps & { required?: boolean; keepHintOnError?: boolean; children: (props: FieldA11y) => ReactNode }) {
  const id = useId();
  const showHint = hint && (keepHintOnError || !error);
  const describedBy = [showHint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
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
      {showHint && (
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

export function TextField({ label, error, hint, className, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(a11y) => <input className={inputClass} {...a11y} {...input} />}
    </Field>
  );
}

export function TextAreaField({
  label,
  error,
  hint,
  className,
  ...input
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(a11y) => <textarea className={inputClass} rows={4} {...a11y} {...input} />}
    </Field>
  );
}

export function SelectField({
  label,
  error,
  hint,
  className,
  children,
  ...input
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(a11y) => (
        <select className={inputClass} {...a11y} {...input}>
          {children}
        </select>
      )}
    </Field>
  );
}
