"use client";
// Human take-over in the live view: an alert when the agent handed off, Take over / Hand back, and a
// composer for staff replies (which take over on their own). The composer uses the API's schema.
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useConversationMutations } from "@/components/queries/calls";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { Card } from "@/components/ui/page-header";
import { ErrorNotice } from "@/components/ui/states";
import type { Call } from "@/server/calls/schema";
import { isTerminal } from "@/server/calls/status";
import { staffMessageSchema } from "@/server/conversations/schema";
import type { z } from "zod";

type StaffMessage = z.input<typeof staffMessageSchema>;

/** Take-over works where a brain writes the agent's turns, outside voice calls. */
export const canTakeOver = (call: Call) =>
  !isTerminal(call.status) && call.channel !== "call" && !(call.provider === "simulator" && call.brain === "scripted");

export function HandoffAlert({ call }: { call: Call }) {
  if (!call.needsPerson || isTerminal(call.status)) return null;
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-semibold">This conversation needs a person.</p>
      <p>{call.handoffReason ?? "The agent handed it to staff."} Take over to reply to the customer.</p>
    </div>
  );
}

export function TakeoverPanel({ call }: { call: Call }) {
  const { takeOver, handBack, send } = useConversationMutations(call.id);
  const form = useForm<StaffMessage>({ resolver: zodResolver(staffMessageSchema), defaultValues: { content: "" } });
  if (!canTakeOver(call)) return null;
  const mine = call.takenOverBy !== null;
  const error = takeOver.error ?? handBack.error ?? send.error;

  const onSubmit = form.handleSubmit(async ({ content }) => {
    await send.mutateAsync(content);
    form.reset({ content: "" });
  });

  return (
    <Card title="Conversation">
      <p className="mb-3 text-sm text-slate-700">
        {mine
          ? `${call.takenOverBy?.name} is writing; the agent is paused.`
          : "The agent is answering. Take over to write to the customer yourself."}
      </p>
      <div className="mb-3 flex flex-wrap gap-2">
        {mine ? (
          <Button variant="secondary" disabled={handBack.isPending} onClick={() => handBack.mutate()}>
            Hand back to the agent
          </Button>
        ) : (
          <Button disabled={takeOver.isPending} onClick={() => takeOver.mutate()}>
            Take over
          </Button>
        )}
      </div>
      <form onSubmit={onSubmit} noValidate className="space-y-2">
        <TextAreaField
          label="Reply as staff"
          hint="The customer sees your name. Sending takes the conversation over."
          rows={3}
          error={form.formState.errors.content?.message}
          {...form.register("content")}
        />
        <Button type="submit" disabled={send.isPending}>
          {send.isPending ? "Sending…" : "Send reply"}
        </Button>
      </form>
      {error && (
        <div className="mt-3">
          <ErrorNotice error={error} title="That did not work" />
        </div>
      )}
    </Card>
  );
}
