"use client";
// A template textarea with variable chips: each chip inserts {{name}} where the cursor is.
import { useRef } from "react";
import { useFormContext } from "react-hook-form";
import { Field, inputClass } from "@/components/ui/field";
import { type CreateCallFormValues, insertVariable } from "./form-model";

type TemplateName = "agent.initialMessage" | "agent.prompt";

export function TemplateField({
  name,
  label,
  rows,
  variables,
  error,
}: {
  name: TemplateName;
  label: string;
  rows: number;
  variables: string[];
  error?: string;
}) {
  const { register, getValues, setValue } = useFormContext<CreateCallFormValues>();
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const { ref, ...field } = register(name);

  function insert(variable: string) {
    const el = textarea.current;
    const text = getValues(name) ?? "";
    // The textarea keeps its selection after losing focus to the chip, so the cursor is still known.
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const next = insertVariable(text, start, end, variable);
    setValue(name, next.text, { shouldDirty: true, shouldValidate: false });
    if (el) {
      el.focus();
      el.setSelectionRange(next.cursor, next.cursor);
    }
  }

  return (
    <div>
      <Field label={label} error={error}>
        {(a11y) => (
          <textarea
            className={`${inputClass} font-mono`}
            rows={rows}
            {...a11y}
            {...field}
            ref={(el) => {
              ref(el);
              textarea.current = el;
            }}
          />
        )}
      </Field>
      <fieldset className="mt-2 flex flex-wrap items-center gap-1.5">
        <legend className="sr-only">Insert a variable into the {label.toLowerCase()}</legend>
        <span aria-hidden className="text-xs text-slate-600">
          Insert:
        </span>
        {variables.map((v) => (
          <button
            key={v}
            type="button"
            onClick={() => insert(v)}
            className="rounded-full border border-indigo-200 bg-indigo-50 px-2 py-0.5 font-mono text-xs text-indigo-800 hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600"
          >
            {`{{${v}}}`}
          </button>
        ))}
      </fieldset>
    </div>
  );
}
