"use client";
// /settings/webhooks/{id}: one endpoint, a test event button and its delivery log.
import Link from "next/link";
import { useWebhookQuery } from "@/components/queries/webhooks";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorNotice, LoadingBlock } from "@/components/ui/states";
import { CreatedBy } from "../created-by";
import { DeliveryLog } from "./delivery-log";
import { eventsLabel } from "./event-checkboxes";
import { SendTestButton } from "./send-test-button";
import { EnabledBadge } from "./webhook-badges";

export function WebhookDetail({ id }: { id: string }) {
  const webhook = useWebhookQuery(id);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className="font-medium text-indigo-700 underline" href="/settings/webhooks">
          ← All webhook endpoints
        </Link>
      </p>
      <PageHeader
        title="Delivery log"
        description={
          webhook.data ? (
            <span className="break-all font-mono">{webhook.data.url}</span>
          ) : (
            "Every event sent to this endpoint, with each attempt."
          )
        }
        actions={webhook.data && <SendTestButton webhook={webhook.data} />}
      />
      {webhook.isPending ? (
        <LoadingBlock label="Loading the endpoint" />
      ) : webhook.isError ? (
        <ErrorNotice title="This webhook endpoint could not be loaded" error={webhook.error} />
      ) : (
        <>
          <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
            <dt className="text-slate-500">State</dt>
            <dd className="flex flex-wrap items-center gap-2">
              <EnabledBadge enabled={webhook.data.enabled} />
              {!webhook.data.enabled && webhook.data.disabledReason && (
                <span className="text-amber-900">{webhook.data.disabledReason}</span>
              )}
            </dd>
            {webhook.data.description && (
              <>
                <dt className="text-slate-500">Description</dt>
                <dd className="break-words">{webhook.data.description}</dd>
              </>
            )}
            <dt className="text-slate-500">Events</dt>
            <dd className="break-words">{eventsLabel(webhook.data.events)}</dd>
            <dt className="text-slate-500">Created by</dt>
            <dd>
              <CreatedBy creator={webhook.data.createdBy} />
            </dd>
          </dl>
          <DeliveryLog webhook={webhook.data} />
        </>
      )}
    </>
  );
}
