"use client";
// An admin sets someone else's password (for a forgotten one), inline in their row of the users list.
// That person is signed out everywhere; the admin hands the new password over privately.
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useSetStaffPasswordMutation } from "@/components/queries/settings";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { applyServerErrors } from "@/components/ui/server-errors";
import { type SetStaffPasswordInput, STAFF_PASSWORD_MIN, setStaffPasswordSchema } from "@/server/staff/schema";

type Props = { userId: string; who: string; onDone: (message: string) => void; onCancel: () => void };

export function SetPasswordForm({ userId, who, onDone, onCancel }: Props) {
  const setPassword = useSetStaffPasswordMutation();
  const form = useForm<SetStaffPasswordInput>({ resolver: zodResolver(setStaffPasswordSchema), defaultValues: { password: "" } });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = handleSubmit(async (values) => {
    try {
      await setPassword.mutateAsync({ id: userId, ...values });
      onDone(`The password of ${who} was set. They were signed out everywhere.`);
    } catch (error) {
      const message = applyServerErrors(error, ["password"] as const, form.setError);
      if (message) form.setError("root", { message });
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex basis-full flex-col gap-3 sm:flex-row sm:items-start">
      <TextField
        label={`New password for ${who}`}
        type="password"
        autoComplete="new-password"
        className="sm:w-80"
        hint={`At least ${STAFF_PASSWORD_MIN} characters. Share it with them privately.`}
        error={errors.password?.message}
        {...register("password")}
      />
      <div className="flex gap-2 sm:mt-6">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Setting…" : "Set password"}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
      <FormError inline message={errors.root?.message} />
    </form>
  );
}
