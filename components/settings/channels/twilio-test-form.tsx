"use client";
// "Send a test SMS" / "Place a test call" to the admin's own phone, from an agent's Twilio number,
// validated by the API's own schema; Twilio's refusal (an unverified number on a trial account, say)
// shows on the field it concerns.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTwilioTestMutation } from "@/components/queries/channels";
import { useAgentsQuery } from "@/components/queries/directory";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { applyServerErrors } from "@/components/ui/server-errors";
import { type TwilioTestInput, twilioTestSchema } from "@/server/transports/twilio/schema";

const FIELDS = ["kind", "to", "agentId"] as const;

export function TwilioTestForm() {
  const agents = useAgentsQuery();
  const test = useTwilioTestMutation();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TwilioTestInput>({ resolver: zodResolver(twilioTestSchema), defaultValues: { kind: "sms", to: "", agentId: "" } });
  const [formError, setFormError] = useState<string | null>(null);
  const onSubmit = handleSubmit(async (body) => {
    setFormError(null);
    try {
      await test.mutateAsync(body);
    } catch (error) {
      setFormError(applyServerErrors(error, FIELDS, setError));
    }
  });
  const withPhone = (agents.data?.items ?? []).filter((a) => a.phone);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Twilio test">
      <FormError message={formError} />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label="Test" error={errors.kind?.message} {...register("kind")}>
          <option value="sms">Send a test SMS</option>
          <option value="call">Place a test call</option>
        </SelectField>
        <SelectField label="From agent" hint="Its phone is the sender." error={errors.agentId?.message} {...register("agentId")}>
          <option value="">{agents.isLoading ? "Loading agents…" : "Choose an agent"}</option>
          {withPhone.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.phone})
            </option>
          ))}
        </SelectField>
        <TextField
          label="To your phone"
          placeholder="+14155550123"
          autoComplete="tel"
          error={errors.to?.message}
          {...register("to")}
        />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Sending…" : "Send test"}
        </Button>
        <p role="status" className="text-sm text-emerald-800 empty:hidden">
          {test.isSuccess ? `Twilio accepted it (${test.data.sid}, ${test.data.status}).` : ""}
        </p>
      </div>
    </form>
  );
}
