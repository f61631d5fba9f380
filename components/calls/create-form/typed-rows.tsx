"use client";
// An editable list of name/value rows whose value is typed: text, a number or true/false. Used for
// the customer's custom fields and the agent's routing conditions.
import { type FieldError, useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import type { CreateCallFormValues, ValueType } from "./form-model";

type RowsName = "customFields" | "routingConditions";
type RowErrors = { name?: FieldError; value?: FieldError }[] & { root?: FieldError };

const TYPES: { value: ValueType; label: string }[] = [
  { value: "text", label: "Text" },
  { value: "number", label: "Number" },
  { value: "boolean", label: "True/false" },
];

export function TypedRows({
  name,
  rowLabel,
  nameLabel,
  valueLabel,
  addLabel,
  emptyText,
}: {
  name: RowsName;
  rowLabel: string;
  nameLabel: string;
  valueLabel: string;
  addLabel: string;
  emptyText: string;
}) {
  const {
    control,
    register,
    setValue,
    formState: { errors },
  } = useFormContext<CreateCallFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name });
  const rows = useWatch({ control, name }) ?? [];
  const rowErrors = errors[name] as RowErrors | undefined;

  return (
    <div className="space-y-3">
      {fields.length === 0 && <p className="text-sm text-slate-600">{emptyText}</p>}
      {fields.map((field, i) => {
        const type = rows[i]?.type ?? field.type;
        return (
          <fieldset key={field.id} className="rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-xs font-medium text-slate-600">
              {rowLabel} {i + 1}
            </legend>
            <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_8rem_minmax(0,1fr)_auto] sm:items-start">
              <Field label={nameLabel} error={rowErrors?.[i]?.name?.message}>
                {(a11y) => <input className={inputClass} autoComplete="off" {...a11y} {...register(`${name}.${i}.name`)} />}
              </Field>
              <Field label="Type">
                {(a11y) => (
                  <select
                    className={inputClass}
                    {...a11y}
                    {...register(`${name}.${i}.type`, {
                      // A true/false value is picked from two options, so start it on one of them.
                      onChange: (e) => {
                        if (e.target.value === "boolean") setValue(`${name}.${i}.value`, "true");
                        else if (rows[i]?.type === "boolean") setValue(`${name}.${i}.value`, "");
                      },
                    })}
                  >
                    {TYPES.map((t) => (
                      <option key={t.value} value={t.value}>
                        {t.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={valueLabel} error={rowErrors?.[i]?.value?.message}>
                {(a11y) =>
                  type === "boolean" ? (
                    <select className={inputClass} {...a11y} {...register(`${name}.${i}.value`)}>
                      <option value="true">true</option>
                      <option value="false">false</option>
                    </select>
                  ) : (
                    <input
                      className={inputClass}
                      inputMode={type === "number" ? "decimal" : undefined}
                      autoComplete="off"
                      {...a11y}
                      {...register(`${name}.${i}.value`)}
                    />
                  )
                }
              </Field>
              <Button variant="danger" className="sm:mt-6" onClick={() => remove(i)}>
                Remove
                <span className="sr-only">
                  {" "}
                  {rowLabel.toLowerCase()} {i + 1}
                </span>
              </Button>
            </div>
          </fieldset>
        );
      })}
      {rowErrors?.root?.message && (
        <p role="alert" className="text-sm text-red-700">
          {rowErrors.root.message}
        </p>
      )}
      <Button
        variant="secondary"
        // Focuses the new row's name, the first thing to type.
        onClick={() => append({ name: "", type: "text", value: "" }, { focusName: `${name}.${fields.length}.name` })}
      >
        {addLabel}
      </Button>
    </div>
  );
}
