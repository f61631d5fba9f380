"use client";
// Adds a staff account: e-mail, name, role and an initial password the admin hands over.
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useCreateStaffUserMutation } from "@/components/queries/settings";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Card } from "@/components/ui/page-header";
import { createStaffUserSchema, STAFF_PASSWORD_MIN } from "@/server/staff/schema";
import { applyServerErrors } from "@/components/ui/server-errors";

type FormInput = z.input<typeof createStaffUserSchema>;
type FormOutput = z.output<typeof createStaffUserSchema>;

const EMPTY: FormInput = { email: "", name: "", role: "staff", password: "" };

export function CreateUserForm({ onCreated }: { onCreated: (email: string) => void }) {
  const create = useCreateStaffUserMutation();
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(createStaffUserSchema), defaultValues: EMPTY });
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = handleSubmit(async (values) => {
    try {
      const user = await create.mutateAsync(values);
      form.reset(EMPTY);
      onCreated(user.email);
    } catch (error) {
      const message = applyServerErrors(error, ["email", "name", "role", "password"] as const, form.setError);
      if (message) form.setError("root", { message });
    }
  });

  return (
    <Card title="Add a staff member" className="mb-6">
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
        <TextField label="Email" type="email" autoComplete="off" error={errors.email?.message} {...register("email")} />
        <TextField label="Name" autoComplete="off" error={errors.name?.message} {...register("name")} />
        <SelectField label="Role" hint="Admins also manage staff accounts." error={errors.role?.message} {...register("role")}>
          <option value="staff">Staff</option>
          <option value="admin">Admin</option>
        </SelectField>
        <TextField
          label="Initial password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${STAFF_PASSWORD_MIN} characters. Share it with them privately.`}
          error={errors.password?.message}
          {...register("password")}
        />
        <div className="sm:col-span-2">
          <FormError inline message={errors.root?.message} className="mb-3" />
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Adding…" : "Add staff member"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
