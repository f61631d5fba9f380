"use client";
// Who the agent contacts. The channel decides which contact detail is required.
import { useFormContext, useWatch } from "react-hook-form";
import { Card } from "@/components/ui/page-header";
import { Field, inputClass } from "@/components/ui/field";
import { type CreateCallFormValues, requiredContact } from "./form-model";
import { TypedRows } from "./typed-rows";

export function CustomerSection() {
  const {
    control,
    register,
    formState: { errors },
  } = useFormContext<CreateCallFormValues>();
  const channel = useWatch({ control, name: "channel" });
  const required = requiredContact(channel);

  return (
    <>
      <Card title="Customer">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Customer name" error={errors.customerName?.message} className="sm:col-span-2">
            {(a11y) => <input className={inputClass} autoComplete="off" {...a11y} {...register("customerName")} />}
          </Field>
          <Field
            label="Customer phone"
            required={required === "customerPhone"}
            hint="International format, e.g. +14155550123"
            keepHintOnError
            error={errors.customerPhone?.message}
          >
            {(a11y) => <input type="tel" className={inputClass} autoComplete="off" {...a11y} {...register("customerPhone")} />}
          </Field>
          <Field label="Customer email" required={required === "customerEmail"} error={errors.customerEmail?.message}>
            {(a11y) => <input type="email" className={inputClass} autoComplete="off" {...a11y} {...register("customerEmail")} />}
          </Field>
          <Field
            label="Language"
            hint="A language tag such as en-US or de. Empty: the agent's."
            keepHintOnError
            error={errors.language?.message}
          >
            {(a11y) => <input className={inputClass} autoComplete="off" {...a11y} {...register("language")} />}
          </Field>
        </div>
      </Card>
      <Card title="Custom fields">
        <p className="mb-3 text-sm text-slate-600">
          Extra facts about this interaction, such as an order number. Templates can use each one by its name.
        </p>
        <TypedRows
          name="customFields"
          rowLabel="Custom field"
          nameLabel="Field name"
          valueLabel="Field value"
          addLabel="Add field"
          emptyText="No custom fields yet."
        />
      </Card>
    </>
  );
}
