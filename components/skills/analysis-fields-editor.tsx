"use client";
// The values the post-call analysis extracts for this skill (like Retell's post-call analysis data):
// a small row editor inside the skill form; the API's schema checks the rows on save.
import { type Control, type FieldErrors, type UseFormRegister, type UseFormWatch, useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ANALYSIS_FIELD_TYPES, MAX_ANALYSIS_FIELDS } from "@/server/analysis/schema";
import { emptyAnalysisField, type SkillFormValues } from "./form-schema";

type Props = {
  control: Control<SkillFormValues, unknown, unknown>;
  register: UseFormRegister<SkillFormValues>;
  watch: UseFormWatch<SkillFormValues>;
  errors: FieldErrors<SkillFormValues>;
};

export function AnalysisFieldsEditor({ control, register, watch, errors }: Props) {
  const { fields, append, remove } = useFieldArray({ control, name: "analysisFields" });
  const rowErrors = errors.analysisFields;
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">Extracted fields</legend>
      <p className="text-sm text-slate-600">
        Values the analysis reads from each conversation, such as <code>confirmedDate</code> (text) or <code>wantsCallback</code>{" "}
        (true/false). A field the conversation does not give stays empty.
      </p>
      {rowErrors?.message && (
        <p role="alert" className="text-sm text-rose-700">
          {rowErrors.message}
        </p>
      )}
      {fields.map((field, i) => {
        const type = watch(`analysisFields.${i}.type`);
        const err = rowErrors?.[i];
        return (
          <div key={field.id} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-6">
            <TextField
              label="Name"
              className="sm:col-span-2"
              autoComplete="off"
              error={err?.name?.message}
              {...register(`analysisFields.${i}.name`)}
            />
            <SelectField label="Type" className="sm:col-span-1" {...register(`analysisFields.${i}.type`)}>
              {ANALYSIS_FIELD_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Description"
              className="sm:col-span-3"
              error={err?.description?.message}
              {...register(`analysisFields.${i}.description`)}
            />
            {type === "enum" && (
              <TextField
                label="Choices"
                hint="Comma-separated, e.g. morning, afternoon."
                className="sm:col-span-4"
                error={err?.choices?.message}
                {...register(`analysisFields.${i}.choices`)}
              />
            )}
            <label className="flex items-center gap-2 text-sm text-slate-800 sm:col-span-1">
              <input type="checkbox" {...register(`analysisFields.${i}.required`)} />
              Required
            </label>
            <div className="flex items-end sm:col-span-1">
              <Button type="button" variant="ghost" onClick={() => remove(i)}>
                Remove
              </Button>
            </div>
          </div>
        );
      })}
      <Button
        type="button"
        variant="secondary"
        disabled={fields.length >= MAX_ANALYSIS_FIELDS}
        onClick={() => append(emptyAnalysisField())}
      >
        Add field
      </Button>
    </fieldset>
  );
}
