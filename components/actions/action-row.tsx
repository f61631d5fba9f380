"use client";
// One action of an agent: its tool name, what it does, where it posts, and edit, enable and delete.
import { useState } from "react";
import { ConfirmButton } from "@/components/settings/confirm-button";
import { EnabledBadge } from "@/components/settings/webhooks/webhook-badges";
import { Button } from "@/components/ui/button";
import type { ActionDto } from "@/server/actions/schema";
import { ActionForm } from "./action-form";
import { useDeleteActionMutation, useUpdateActionMutation } from "./queries";

export function ActionRow({ action }: { action: ActionDto }) {
  const [editing, setEditing] = useState(false);
  const update = useUpdateActionMutation(action.agentId, action.id);
  const remove = useDeleteActionMutation(action.agentId, action.id);
  // While editing, the form shows the save's errors on its fields.
  const error = (editing ? null : update.error) ?? remove.error;

  return (
    <li className="py-4 first:pt-0 last:pb-0" data-testid="action-row">
      <div className="flex flex-wrap items-start gap-x-6 gap-y-3">
        <div className="min-w-0 flex-1 basis-64">
          <p className="flex flex-wrap items-center gap-2">
            <code className="font-mono text-sm font-medium text-slate-900">{action.name}</code>
            <EnabledBadge enabled={action.enabled} />
          </p>
          {action.description && <p className="mt-0.5 break-words text-sm text-slate-700">{action.description}</p>}
          <p className="mt-1 break-all font-mono text-xs text-slate-600">
            POST {action.url} <span className="font-sans">· times out after {action.timeoutMs} ms</span>
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <Button
            variant="secondary"
            aria-label={`Edit ${action.name}`}
            aria-expanded={editing}
            onClick={() => setEditing((e) => !e)}
          >
            Edit
          </Button>
          <Button
            variant="secondary"
            aria-label={`${action.enabled ? "Disable" : "Enable"} ${action.name}`}
            disabled={update.isPending}
            onClick={() => update.mutate({ enabled: !action.enabled })}
          >
            {action.enabled ? "Disable" : "Enable"}
          </Button>
          <ConfirmButton
            label={`Delete ${action.name}`}
            title={`Delete the action “${action.name}”?`}
            message={<p>The agent can no longer call it, including in conversations under way. This cannot be undone.</p>}
            confirmText="Delete action"
            onConfirm={() => remove.mutateAsync().catch(() => {})}
          >
            Delete
          </ConfirmButton>
        </div>
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error.message}
        </p>
      )}
      {editing && (
        <div className="mt-4 rounded-md border border-slate-200 bg-slate-50 p-4">
          <h3 className="mb-3 text-sm font-semibold text-slate-900">Edit {action.name}</h3>
          <ActionForm
            action={action}
            submitLabel="Save changes"
            onSave={async (body) => {
              await update.mutateAsync(body);
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        </div>
      )}
    </li>
  );
}
