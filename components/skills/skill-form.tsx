"use client";
// Create or edit a skill, validated by the API's own schema; a server 422 lands on the same fields.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { type Resolver, useForm } from "react-hook-form";
import { Button, ButtonLink } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Card } from "@/components/ui/page-header";
import { applyServerErrors } from "@/components/ui/server-errors";
import type { CreateSkillInput, SkillDto, UpdateSkillInput } from "@/server/skills/schema";
import {
  createSkillFormSchema,
  type SkillFormValues,
  skillFormDefaults,
  skillFormFields,
  updateSkillFormSchema,
} from "./form-schema";
import { useCreateSkillMutation, useUpdateSkillMutation } from "./queries";

export function SkillForm({ skill }: { skill?: SkillDto }) {
  const router = useRouter();
  const create = useCreateSkillMutation();
  const update = useUpdateSkillMutation(skill?.id ?? "");
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SkillFormValues, unknown, UpdateSkillInput>({
    resolver: zodResolver(skill ? updateSkillFormSchema : createSkillFormSchema) as Resolver<
      SkillFormValues,
      unknown,
      UpdateSkillInput
    >,
    defaultValues: skillFormDefaults(skill),
  });

  const onSubmit = handleSubmit(async (body) => {
    setFormError(null);
    try {
      // Without a skill the resolver ran createSkillSchema, so the body is a create body.
      const saved = skill ? await update.mutateAsync(body) : await create.mutateAsync(body as CreateSkillInput);
      router.push(`/skills?saved=${saved.id}`);
    } catch (error) {
      setFormError(applyServerErrors(error, skillFormFields, setError));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <FormError message={formError} />
      <Card title="Skill">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Name" autoComplete="off" error={errors.name?.message} {...register("name")} />
          <TextField
            label="Language"
            hint="A language tag such as en-US or es-ES."
            error={errors.language?.message}
            {...register("language")}
          />
          <TextAreaField
            label="Description"
            rows={3}
            hint="What an agent with this skill handles."
            className="sm:col-span-2"
            error={errors.description?.message}
            {...register("description")}
          />
        </div>
      </Card>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : skill ? "Save changes" : "Create skill"}
        </Button>
        <ButtonLink href="/skills" variant="secondary">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
