"use client";
// /settings/webhooks: register endpoints (secret shown once), edit, test, rotate, disable and delete them.
import { useState } from "react";
import { useCreateWebhookMutation, useWebhooksQuery } from "@/components/queries/webhooks";
import { ListPager } from "@/components/ui/list-pager";
import { Card, PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorNotice, LoadingBlock } from "@/components/ui/states";
import type { CreateWebhookInput } from "@/server/webhooks/schema";
import { WebhookForm } from "./webhook-form";
import { WebhookRow } from "./webhook-row";
import { type ShownSecret, WebhookSecretNotice } from "./webhook-secret-notice";

const PAGE_SIZE = 20;

export function WebhooksPanel() {
  const [page, setPage] = useState(1);
  const webhooks = useWebhooksQuery(page, PAGE_SIZE);
  const create = useCreateWebhookMutation();
  const [shown, setShown] = useState<ShownSecret | null>(null);

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Callboard POSTs signed JSON to your endpoints as interactions are created, change status, exchange messages and end. Staff see the endpoints they added; admins see all of them. A person’s endpoints are disabled when they are deactivated or removed."
      />
      {shown && <WebhookSecretNotice key={shown.webhook.secret} shown={shown} onDone={() => setShown(null)} />}
      <Card title="Add an endpoint" className="mb-6">
        <WebhookForm
          submitLabel="Add endpoint"
          onSave={async (body) => setShown({ webhook: await create.mutateAsync(body as CreateWebhookInput), reason: "created" })}
        />
      </Card>
      <h2 className="mb-3 text-lg font-semibold text-slate-900">Endpoints</h2>
      {webhooks.isPending ? (
        <LoadingBlock label="Loading webhook endpoints" />
      ) : webhooks.isError ? (
        <ErrorNotice title="The webhook endpoints could not be loaded" error={webhooks.error} />
      ) : webhooks.data.items.length === 0 && page === 1 ? (
        <EmptyState title="No webhook endpoints yet">
          <p>
            Add one above. Every request carries <code className="font-mono">webhook-id</code>,{" "}
            <code className="font-mono">webhook-timestamp</code> and <code className="font-mono">webhook-signature</code> headers:
            an HMAC-SHA256 signature made with the endpoint’s secret, which any{" "}
            <a className="font-medium text-indigo-700 underline" href="https://www.standardwebhooks.com">
              Standard Webhooks
            </a>{" "}
            library verifies.
          </p>
          <p className="mt-2">The “Webhooks” section of the README explains the events, signing and retries.</p>
        </EmptyState>
      ) : (
        <>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Webhook endpoints">
            {webhooks.data.items.map((w) => (
              <WebhookRow key={w.id} webhook={w} onRotated={(webhook) => setShown({ webhook, reason: "rotated" })} />
            ))}
          </ul>
          <ListPager page={page} limit={PAGE_SIZE} total={webhooks.data.total} onPage={setPage} label="Endpoint pages" />
        </>
      )}
    </>
  );
}
