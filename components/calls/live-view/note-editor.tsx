"use client";
// The staff note, saved with PUT /api/v1/calls/{id} and validated by the same schema as the API.
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useUpdateCallMutation } from "@/components/queries/calls";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/page-header";
import { TextAreaField } from "@/components/ui/field";
import { ApiClientError } from "@/lib/api-client";
import { type UpdateCallInput, updateCallSchema } from "@/server/calls/schema";

export function NoteEditor({ callId, note }: { callId: string; note: string | null }) {
  const mutation = useUpdateCallMutation(callId);
  const [saved, setSaved] = useState(false);
  const form = useForm<UpdateCallInput>({ resolver: zodResolver(updateCallSchema), defaultValues: { note: note ?? "" } });
  const { isDirty } = form.formState;

  // Someone else changed the note: show theirs unless this person is mid-edit.
  useEffect(() => {
    if (!form.formState.isDirty) form.reset({ note: note ?? "" });
  }, [note, form]);

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    try {
      const call = await mutation.mutateAsync({ note: values.note ?? "" });
      form.reset({ note: call.note ?? "" });
      setSaved(true);
    } catch (error) {
      const detail = error instanceof ApiClientError ? error.details.find((d) => d.path === "note") : undefined;
      form.setError("note", { message: detail?.message ?? (error instanceof Error ? error.message : "Saving failed.") });
    }
  });

  return (
    <Card title="Note">
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <TextAreaField
          label="Note for the team"
          hint="Only staff see this. Up to 5000 characters."
          error={form.formState.errors.note?.message}
          {...form.register("note", { onChange: () => setSaved(false) })}
        />
        <div className="flex items-center gap-3">
          <Button type="submit" variant="secondary" disabled={mutation.isPending || !isDirty}>
            {mutation.isPending ? "Saving…" : "Save note"}
          </Button>
          <span role="status" className="text-sm text-emerald-700">
            {saved && !isDirty ? "Note saved" : ""}
          </span>
        </div>
      </form>
    </Card>
  );
}
