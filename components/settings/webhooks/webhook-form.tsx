"use client";
// Create or edit an endpoint: URL, description and events. Validation is the API's own schema (through
// the form schema), and a 422 from the server (a refused private URL, say) lands on the same field.
import { zodResolver } from "@hookform/resolvers/zod";
import { type Resolver, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldMessage } from "@/components/ui/field-error";
import { applyServerErrors } from "@/components/ui/server-errors";
import type { UpdateWebhookInput, WebhookDto } from "@/server/webhooks/schema";
import { EventCheckboxes } from "./event-checkboxes";
import {
  createWebhookFormSchema,
  updateWebhookFormSchema,
  type WebhookFormValues,
  webhookFormDefaults,
  webhookFormFields,
} from "./form-schema";

type Props = {
  /** The endpoint being edited; without it the form creates one. */
  webhook?: WebhookDto;
  submitLabel: string;
  /** Resolves when saved; throws the ApiClientError otherwise. */
  onSave: (body: UpdateWebhookInput) => Promise<unknown>;
  onCancel?: () => void;
};

export function WebhookForm({ webhook, submitLabel, onSave, onCancel }: Props) {
  const form = useForm<WebhookFormValues, unknown, UpdateWebhookInput>({
    resolver: zodResolver(webhook ? updateWebhookFormSchema : createWebhookFormSchema) as Resolver<
      WebhookFormValues,
      unknown,
      UpdateWebhookInput
    >,
    defaultValues: webhookFormDefaults(webhook),
  });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = handleSubmit(async (body) => {
    try {
      await onSave(body);
      if (!webhook) form.reset(webhookFormDefaults());
    } catch (error) {
      const message = applyServerErrors(error, webhookFormFields, form.setError);
      if (message) form.setError("root", { message });
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-2">
      <TextField
        label="URL"
        type="url"
        inputMode="url"
        autoComplete="off"
        placeholder="https://crm.example.com/hooks/callboard"
        hint="Callboard POSTs signed JSON here. It must be reachable from Callboard on a public address."
        error={errors.url?.message}
        {...register("url")}
      />
      <TextField
        label="Description"
        autoComplete="off"
        hint="Optional: what receives these events, e.g. “CRM sync”."
        error={errors.description?.message}
        {...register("description")}
      />
      <div className="md:col-span-2">
        <EventCheckboxes registration={register("events")} error={fieldMessage(errors.events)} />
      </div>
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
