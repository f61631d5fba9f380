"use client";
// Queues a signed webhook.test event for one endpoint and says what happened.
import Link from "next/link";
import { useSendTestEventMutation } from "@/components/queries/webhooks";
import { Button } from "@/components/ui/button";
import type { WebhookDto } from "@/server/webhooks/schema";

export function SendTestButton({ webhook, logLink = false }: { webhook: WebhookDto; logLink?: boolean }) {
  const send = useSendTestEventMutation(webhook.id);
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant="secondary"
        aria-label={`Send test event to ${webhook.url}`}
        disabled={send.isPending || !webhook.enabled}
        title={webhook.enabled ? undefined : "Enable the endpoint to send it events"}
        onClick={() => send.mutate()}
      >
        {send.isPending ? "Sending…" : "Send test event"}
      </Button>
      <p role="status" className={`text-sm empty:hidden ${send.isError ? "text-red-700" : "text-emerald-800"}`}>
        {send.isError ? (
          send.error.message
        ) : send.isSuccess ? (
          <>
            Test event queued.{" "}
            {logLink && (
              <Link className="font-medium text-indigo-700 underline" href={`/settings/webhooks/${webhook.id}`}>
                See its delivery
              </Link>
            )}
          </>
        ) : null}
      </p>
    </div>
  );
}
