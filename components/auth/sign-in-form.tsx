"use client";
// The sign-in form. It validates with the API's own schema, posts to /api/v1/session, and returns the
// visitor to the page they first asked for.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { ApiClientError, apiClient } from "@/lib/api-client";
import { safeReturnPath } from "@/lib/return-path";
import { type SignInInput, signInSchema } from "@/server/auth/schema";

export function SignInForm({ next }: { next: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await apiClient.post("/api/v1/session", values);
      // The page already checked `next`; checking again here keeps this component safe on its own.
      window.location.assign(safeReturnPath(next, window.location.origin));
    } catch (error) {
      setFormError(error instanceof ApiClientError ? error.message : "Sign-in failed. Try again.");
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <TextField label="Email" type="email" autoComplete="username" error={errors.email?.message} {...register("email")} />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...register("password")}
      />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
