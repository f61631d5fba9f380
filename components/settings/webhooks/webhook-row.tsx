"use client";
// One endpoint: where it points, what it receives, whether it is on, and what can be done with it.
import { useState } from "react";
import {
  useDeleteWebhookMutation,
  useRotateWebhookSecretMutation,
  useUpdateWebhookMutation,
  type WebhookWithSecretDto,
} from "@/components/queries/webhooks";
import { Button, ButtonLink } from "@/components/ui/button";
import type { WebhookDto } from "@/server/webhooks/schema";
import { ConfirmButton } from "../confirm-button";
import { CreatedBy } from "../created-by";
import { eventsLabel } from "./event-checkboxes";
import { SendTestButton } from "./send-test-button";
import { EnabledBadge } from "./webhook-badges";
import { WebhookForm } from "./webhook-form";
import { When } from "./when";

export function WebhookRow({ webhook, onRotated }: { webhook: WebhookDto; onRotated: (w: WebhookWithSecretDto) => void }) {
  const [editing, setEditing] = useState(false);
  const update = useUpdateWebhookMutation(webhook.id);
  const rotate = useRotateWebhookSecretMutation(webhook.id);
  const remove = useDeleteWebhookMutation(webhook.id);
  // While editing, the form shows the save's errors on its fields.
  const error = (editing ? null : update.error) ?? rotate.error ?? remove.error;
  const name = webhook.description || webhook.url;

  return (
    <li className="px-4 py-4" data-testid="webhook-row">
      <div className="flex flex-wrap items-start gap-x-6 gap-y-3">
        <div className="min-w-0 flex-1 basis-64">
          <p className="flex flex-wrap items-center gap-2">
            <span className="break-all font-mono text-sm font-medium text-slate-900">{webhook.url}</span>
            <EnabledBadge enabled={webhook.enabled} />
          </p>
          {webhook.description && <p className="mt-0.5 break-words text-sm text-slate-700">{webhook.description}</p>}
          {!webhook.enabled && webhook.disabledReason && (
            <p className="mt-1 text-sm text-amber-900" data-testid="webhook-disabled-reason">
              Disabled: {webhook.disabledReason}
            </p>
          )}
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm text-slate-700">
            <dt className="text-slate-500">Events</dt>
            <dd className="break-words" data-testid="webhook-events">
              {eventsLabel(webhook.events)}
            </dd>
            <dt className="text-slate-500">Created</dt>
            <dd>
              <When value={webhook.createdAt} />
            </dd>
            <dt className="text-slate-500">Created by</dt>
            <dd data-testid="webhook-owner">
              <CreatedBy creator={webhook.createdBy} />
            </dd>
          </dl>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <SendTestButton webhook={webhook} logLink />
          <ButtonLink variant="secondary" href={`/settings/webhooks/${webhook.id}`} aria-label={`Delivery log of ${webhook.url}`}>
            Delivery log
          </ButtonLink>
          <Button
            variant="secondary"
            aria-label={`Edit ${webhook.url}`}
            aria-expanded={editing}
            onClick={() => setEditing((e) => !e)}
          >
            Edit
          </Button>
          <Button
            variant="secondary"
            aria-label={`${webhook.enabled ? "Disable" : "Enable"} ${webhook.url}`}
            disabled={update.isPending}
            onClick={() => update.mutate({ enabled: !webhook.enabled })}
          >
            {webhook.enabled ? "Disable" : "Enable"}
          </Button>
          <ConfirmButton
            label={`Rotate secret of ${webhook.url}`}
            title={`Rotate the signing secret of “${name}”?`}
            message={<p>The current secret stops working at once: update the receiver with the new one straight away.</p>}
            confirmText="Rotate secret"
            onConfirm={() =>
              rotate
                .mutateAsync()
                .then(onRotated)
                .catch(() => {})
            }
          >
            Rotate secret
          </ConfirmButton>
          <ConfirmButton
            label={`Delete ${webhook.url}`}
            title={`Delete “${name}”?`}
            message={<p>It receives no more events and its delivery log is deleted with it. This cannot be undone.</p>}
            confirmText="Delete endpoint"
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
          <h3 className="mb-3 text-sm font-semibold text-slate-900">Edit endpoint</h3>
          <WebhookForm
            webhook={webhook}
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
