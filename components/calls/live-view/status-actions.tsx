"use client";
// Status changes staff may make now: only the legal transitions from the current status, with a
// confirmation for those that end or hand off the interaction.
import { useState } from "react";
import { useUpdateCallMutation } from "@/components/queries/calls";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Card } from "@/components/ui/page-header";
import { ErrorNotice } from "@/components/ui/states";
import type { Call } from "@/server/calls/schema";
import { type StatusAction, statusActions } from "./labels";

export function StatusActions({ call }: { call: Call }) {
  const mutation = useUpdateCallMutation(call.id, call.provider);
  const [confirming, setConfirming] = useState<StatusAction | null>(null);
  const actions = statusActions(call.channel, call.status);

  const run = (action: StatusAction) => mutation.mutate({ status: action.to }, { onSettled: () => setConfirming(null) });

  return (
    <Card title="Actions">
      {actions.length === 0 ? (
        <p className="text-sm text-slate-600">No status changes are possible from “{call.status}”.</p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {actions.map((action) => (
            <Button
              key={action.to}
              variant={action.tone}
              disabled={mutation.isPending}
              onClick={() => (action.confirm ? setConfirming(action) : run(action))}
            >
              {action.label}
            </Button>
          ))}
        </div>
      )}
      {mutation.error && (
        <div className="mt-3">
          <ErrorNotice error={mutation.error} title="The status did not change" />
        </div>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? `${confirming.label}?` : ""}
        confirmLabel={confirming ? `Yes, ${confirming.label.charAt(0).toLowerCase()}${confirming.label.slice(1)}` : "Confirm"}
        destructive={confirming?.tone === "danger"}
        busy={mutation.isPending}
        onConfirm={() => confirming && run(confirming)}
        onCancel={() => setConfirming(null)}
      >
        {confirming?.confirm}
      </ConfirmDialog>
    </Card>
  );
}
