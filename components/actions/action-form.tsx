"use client";
// Add or edit an action: its tool name, what it is for, where Callboard POSTs, the arguments' JSON
// schema and a timeout. Validation is the API's own schema (through the form schema), and a 422 or
// 409 from the server (a private URL, a name in use) lands on the same field.
import { zodResolver } from "@hookform/resolvers/zod";
import { type Resolver, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { fieldMessage } from "@/components/ui/field-error";
import { applyServerErrors } from "@/components/ui/server-errors";
import type { ActionDto, UpdateActionInput } from "@/server/actions/schema";
import {
  type ActionFormValues,
  actionFormDefaults,
  actionFormFields,
  createActionFormSchema,
  updateActionFormSchema,
} from "./form-schema";

type Props = {
  /** The action being edited; without it the form adds one. */
  action?: ActionDto;
  submitLabel: string;
  /** Resolves when saved; throws the ApiClientError otherwise. */
  onSave: (body: UpdateActionInput) => Promise<unknown>;
  onCancel?: () => void;
};

export function ActionForm({ action, submitLabel, onSave, onCancel }: Props) {
  const form = useForm<ActionFormValues, unknown, UpdateActionInput>({
    resolver: zodResolver(action ? updateActionFormSchema : createActionFormSchema) as Resolver<
      ActionFormValues,
      unknown,
      UpdateActionInput
    >,
    defaultValues: actionFormDefaults(action),
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = handleSubmit(async (body) => {
    try {
      await onSave(body);
      if (!action) form.reset(actionFormDefaults());
    } catch (error) {
      const message = applyServerErrors(error, actionFormFields, form.setError);
      if (message) form.setError("root", { message });
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-2">
      <TextField
        label="Name"
        autoComplete="off"
        spellCheck={false}
        placeholder="check_order"
        hint="The tool name the model calls: a letter first, then letters, digits, _ or -."
        error={fieldMessage(errors.name)}
        {...register("name")}
      />
      <TextField
        label="Timeout (ms)"
        type="number"
        inputMode="numeric"
        step="100"
        min="500"
        max="30000"
        hint="500 to 30000. After this the model is told the action did not answer."
        error={fieldMessage(errors.timeoutMs)}
        {...register("timeoutMs")}
      />
      <TextField
        label="URL"
        type="url"
        inputMode="url"
        autoComplete="off"
        placeholder="https://crm.example.com/callboard/check-order"
        hint="Callboard POSTs the arguments here as signed JSON. It must be reachable on a public address."
        className="md:col-span-2"
        error={fieldMessage(errors.url)}
        {...register("url")}
      />
      <TextAreaField
        label="Description"
        rows={2}
        hint="Tells the model what the action does and when to call it."
        className="md:col-span-2"
        error={fieldMessage(errors.description)}
        {...register("description")}
      />
      <TextAreaField
        label="Parameters (JSON schema)"
        rows={8}
        spellCheck={false}
        hint={
          <>
            The arguments the model must send, e.g.{" "}
            <code className="font-mono">{'{"type": "object", "properties": {"orderId": {"type": "string"}}}'}</code>.
          </>
        }
        className="md:col-span-2 [&_textarea]:font-mono"
        error={fieldMessage(errors.parameters)}
        {...register("parameters")}
      />
      <label className="flex items-center gap-2 text-sm text-slate-800 md:col-span-2">
        <input type="checkbox" className="size-4 accent-indigo-600" {...register("enabled")} />
        Enabled: the model may call this action
      </label>
      <div className="flex flex-wrap items-center gap-2 md:col-span-2">
        {errors.root?.message && (
          <p role="alert" className="w-full text-sm text-red-700">
            {errors.root.message}
          </p>
        )}
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : submitLabel}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel} disabled={isSubmitting}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
