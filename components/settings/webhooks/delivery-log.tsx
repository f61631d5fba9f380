"use client";
// The deliveries to one endpoint, newest first: the event, its state, every attempt, and Replay.
// Refreshes itself while any delivery on the page is still being tried.
import { useState } from "react";
import { type DeliveryState, useReplayDeliveryMutation, useWebhookDeliveriesQuery } from "@/components/queries/webhooks";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { ListPager } from "@/components/ui/list-pager";
import { EmptyState, ErrorNotice, LoadingBlock } from "@/components/ui/states";
import { formatDateTime } from "@/lib/format";
import { DELIVERY_STATES, type DeliveryDto, type WebhookDto } from "@/server/webhooks/schema";
import { DeliveryStateBadge } from "./webhook-badges";
import { When } from "./when";

const PAGE_SIZE = 20;
/** A failing endpoint collects many retries; the newest few are what one reads first. */
const ATTEMPTS_SHOWN = 5;

function Attempts({ attempts }: { attempts: DeliveryDto["attempts"] }) {
  const [all, setAll] = useState(false);
  if (attempts.length === 0) return <p className="mt-2 text-sm text-slate-600">Not attempted yet.</p>;
  const newestFirst = attempts.map((a, index) => ({ ...a, number: index + 1 })).reverse();
  const shown = all ? newestFirst : newestFirst.slice(0, ATTEMPTS_SHOWN);
  return (
    <>
      <ol className="mt-2 space-y-1 text-sm" aria-label="Attempts, newest first">
        {shown.map((a) => {
          const ok = a.status !== null && a.status >= 200 && a.status < 300;
          return (
            <li
              key={a.number}
              className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 rounded bg-slate-50 px-2 py-1"
              data-testid="delivery-attempt"
            >
              <span className="text-slate-500">#{a.number}</span>
              <time dateTime={a.at} className="text-slate-700">
                {formatDateTime(a.at)}
              </time>
              <span className={`font-medium ${ok ? "text-emerald-800" : "text-red-700"}`} data-testid="attempt-status">
                {a.status === null ? "no answer" : `HTTP ${a.status}`}
              </span>
              <span className="text-slate-600">{a.durationMs} ms</span>
              {a.error && <span className="min-w-0 basis-full break-words text-red-700">{a.error}</span>}
            </li>
          );
        })}
      </ol>
      {attempts.length > ATTEMPTS_SHOWN && (
        <Button variant="ghost" className="mt-1" aria-expanded={all} onClick={() => setAll((v) => !v)}>
          {all ? "Show the newest attempts only" : `Show all ${attempts.length} attempts`}
        </Button>
      )}
    </>
  );
}

function DeliveryItem({ delivery, webhook }: { delivery: DeliveryDto; webhook: WebhookDto }) {
  const replay = useReplayDeliveryMutation(webhook.id);
  return (
    <li className="px-4 py-3" data-testid="delivery">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1 basis-64">
          <p className="flex flex-wrap items-center gap-2">
            <code className="font-mono text-sm font-medium text-slate-900">{delivery.eventType}</code>
            <DeliveryStateBadge state={delivery.state} />
          </p>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm text-slate-700">
            <dt className="text-slate-500">Event id</dt>
            <dd className="break-all font-mono text-xs leading-5" data-testid="delivery-event-id">
              {delivery.eventId}
            </dd>
            <dt className="text-slate-500">Created</dt>
            <dd>
              <When value={delivery.createdAt} />
            </dd>
            {delivery.nextAttemptAt && (
              <>
                <dt className="text-slate-500">Next attempt</dt>
                <dd>{formatDateTime(delivery.nextAttemptAt)}</dd>
              </>
            )}
          </dl>
        </div>
        <div className="flex flex-col items-end gap-1">
          <Button
            variant="secondary"
            aria-label={`Replay ${delivery.eventType} ${delivery.eventId}`}
            disabled={replay.isPending || !webhook.enabled}
            title={webhook.enabled ? undefined : "Enable the endpoint to replay deliveries"}
            onClick={() => replay.mutate(delivery.id)}
          >
            {replay.isPending ? "Replaying…" : "Replay"}
          </Button>
          <p role="status" className={`text-sm empty:hidden ${replay.isError ? "text-red-700" : "text-emerald-800"}`}>
            {replay.isError ? replay.error.message : replay.isSuccess ? "Queued again." : null}
          </p>
        </div>
      </div>
      <Attempts attempts={delivery.attempts} />
    </li>
  );
}

export function DeliveryLog({ webhook }: { webhook: WebhookDto }) {
  const [page, setPage] = useState(1);
  const [state, setState] = useState<DeliveryState | "">("");
  const deliveries = useWebhookDeliveriesQuery(webhook.id, { page, limit: PAGE_SIZE, state: state || undefined });
  return (
    <section aria-labelledby="deliveries-title">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <h2 id="deliveries-title" className="text-lg font-semibold text-slate-900">
          Deliveries
        </h2>
        <SelectField
          label="Show"
          className="w-48"
          value={state}
          onChange={(e) => {
            setState(e.target.value as DeliveryState | "");
            setPage(1);
          }}
        >
          <option value="">All deliveries</option>
          {DELIVERY_STATES.map((s) => (
            <option key={s} value={s}>
              {s === "succeeded" ? "Delivered" : s === "pending" ? "Pending" : "Failed"}
            </option>
          ))}
        </SelectField>
      </div>
      {deliveries.isPending ? (
        <LoadingBlock label="Loading deliveries" />
      ) : deliveries.isError ? (
        <ErrorNotice title="The delivery log could not be loaded" error={deliveries.error} />
      ) : deliveries.data.items.length === 0 ? (
        <EmptyState title={state ? "No deliveries in this state" : "No deliveries yet"}>
          Send a test event to see one here. Events are listed as soon as they are queued.
        </EmptyState>
      ) : (
        <>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Deliveries">
            {deliveries.data.items.map((d) => (
              <DeliveryItem key={d.id} delivery={d} webhook={webhook} />
            ))}
          </ul>
          <ListPager page={page} limit={PAGE_SIZE} total={deliveries.data.total} onPage={setPage} label="Delivery pages" />
        </>
      )}
    </section>
  );
}
