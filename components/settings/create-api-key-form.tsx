"use client";
// Names and creates an API credential; the parent shows the secret that comes back.
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useCreateApiKeyMutation } from "@/components/queries/settings";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Card } from "@/components/ui/page-header";
import { type CreateApiKeyInput, type CreatedApiKeyDto, createApiKeySchema } from "@/server/api-keys/schema";
import { applyServerErrors } from "@/components/ui/server-errors";

export function CreateApiKeyForm({ onCreated }: { onCreated: (key: CreatedApiKeyDto) => void }) {
  const create = useCreateApiKeyMutation();
  const form = useForm<CreateApiKeyInput>({ resolver: zodResolver(createApiKeySchema), defaultValues: { name: "" } });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = handleSubmit(async (values) => {
    try {
      onCreated(await create.mutateAsync(values));
      form.reset();
    } catch (error) {
      const message = applyServerErrors(error, ["name"] as const, form.setError);
      if (message) form.setError("root", { message });
    }
  });

  return (
    <Card title="Create an API key" className="mb-6">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <TextField
          label="Name"
          hint="Say who or what uses it, e.g. “CRM order sync”."
          className="sm:w-80"
          autoComplete="off"
          error={errors.name?.message}
          {...register("name")}
        />
        <Button type="submit" className="sm:mt-6" disabled={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create API key"}
        </Button>
      </form>
      <FormError inline message={errors.root?.message} className="mt-3" />
    </Card>
  );
}
