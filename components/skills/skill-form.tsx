"use client";
// Create or edit a skill, validated by the API's own schema; a server 422 lands on the same fields.
import { zodResolver } from "@hookform/resolvers/zod";
import { type Resolver, useForm } from "react-hook-form";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { Card } from "@/components/ui/page-header";
import { useSaveAndReturn } from "@/components/ui/use-save-and-return";
import { AnalysisFieldsEditor } from "./analysis-fields-editor";
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
  const create = useCreateSkillMutation();
  const update = useUpdateSkillMutation(skill?.id ?? "");
  const {
    register,
    control,
    watch,
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
  const { formError, saveAndReturn } = useSaveAndReturn({ listPath: "/skills", fields: skillFormFields, setError });

  const onSubmit = handleSubmit((body) =>
    // Without a skill the resolver ran createSkillSchema, so the body is a create body.
    saveAndReturn(() => (skill ? update.mutateAsync(body) : create.mutateAsync(body as CreateSkillInput))),
  );

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
      <Card title="Post-call analysis">
        <div className="space-y-4">
          <TextAreaField
            label="Success criteria"
            rows={2}
            hint="What a successful interaction achieves, e.g. “The customer confirmed the delivery date.” The analysis judges each interaction against it (a language model is needed)."
            error={errors.successCriteria?.message}
            {...register("successCriteria")}
          />
          <AnalysisFieldsEditor control={control} register={register} watch={watch} errors={errors} />
        </div>
      </Card>
      <FormActions busy={isSubmitting} submitLabel={skill ? "Save changes" : "Create skill"} cancelHref="/skills" />
    </form>
  );
}
