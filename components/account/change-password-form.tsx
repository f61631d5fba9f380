"use client";
// Changes the signed-in person's own password. The current one is required; afterwards every other
// session of theirs ends, and this browser carries on with the fresh cookie that comes with the answer.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useChangeOwnPasswordMutation } from "@/components/queries/settings";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Card } from "@/components/ui/page-header";
import { SavedNotice } from "@/components/ui/saved-notice";
import { applyServerErrors } from "@/components/ui/server-errors";
import { STAFF_PASSWORD_MIN } from "@/server/staff/schema";
import { type ChangePasswordFormValues, changePasswordFormSchema } from "./form-schema";

const EMPTY: ChangePasswordFormValues = { currentPassword: "", newPassword: "", repeatPassword: "" };

export function ChangePasswordForm() {
  const change = useChangeOwnPasswordMutation();
  const [changed, setChanged] = useState(false);
  const form = useForm<ChangePasswordFormValues>({ resolver: zodResolver(changePasswordFormSchema), defaultValues: EMPTY });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = handleSubmit(async ({ currentPassword, newPassword }) => {
    setChanged(false);
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      form.reset(EMPTY);
      setChanged(true);
    } catch (error) {
      const message = applyServerErrors(error, ["currentPassword", "newPassword"] as const, form.setError);
      if (message) form.setError("root", { message });
    }
  });

  return (
    <Card title="Change your password">
      {changed && <SavedNotice>Your password was changed. You were signed out everywhere else.</SavedNotice>}
      <form onSubmit={onSubmit} noValidate className="grid max-w-md gap-4">
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...register("currentPassword")}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${STAFF_PASSWORD_MIN} characters.`}
          error={errors.newPassword?.message}
          {...register("newPassword")}
        />
        <TextField
          label="New password, again"
          type="password"
          autoComplete="new-password"
          error={errors.repeatPassword?.message}
          {...register("repeatPassword")}
        />
        <div>
          <FormError inline message={errors.root?.message} className="mb-3" />
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Changing…" : "Change password"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
