"use client";
// The one moment an endpoint's signing secret is visible: after creating it and after a rotation.
import { useEffect, useRef } from "react";
import type { WebhookWithSecretDto } from "@/components/queries/webhooks";
import { Button } from "@/components/ui/button";
import { CopyButton } from "../copy-button";

export type ShownSecret = { webhook: WebhookWithSecretDto; reason: "created" | "rotated" };

export function WebhookSecretNotice({ shown, onDone }: { shown: ShownSecret; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // A rotation starts from a row far down the list: bring the secret into view and to the keyboard.
  // The parent keys this notice by secret, so each new secret mounts it afresh. The confirmation
  // dialog closes in the same commit and hands focus back to its opener, so focus moves after that.
  useEffect(() => {
    const timer = setTimeout(() => heading.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, []);
  const { webhook, reason } = shown;
  return (
    <section
      aria-labelledby="webhook-secret-title"
      className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-slate-900"
      data-testid="webhook-secret"
    >
      <h2 id="webhook-secret-title" ref={heading} tabIndex={-1} className="text-base font-semibold focus:outline-none">
        {reason === "created" ? "Webhook endpoint created" : "Signing secret rotated"}
      </h2>
      <p className="mt-1 break-all text-slate-700">{webhook.url}</p>
      <p className="mt-2 font-medium text-amber-900">
        Copy the signing secret now: you won’t see it again.{" "}
        {reason === "rotated" ? "The old secret stopped working at once. " : ""}If you lose it, rotate it to get a new one.
      </p>
      <dl className="mt-3">
        <dt className="font-medium">Signing secret</dt>
        <dd className="mt-1 flex flex-wrap items-center gap-2">
          <code className="min-w-0 max-w-full break-all rounded bg-white px-2 py-1 font-mono" data-testid="webhook-secret-value">
            {webhook.secret}
          </code>
          <CopyButton value={webhook.secret} label="Copy signing secret" />
        </dd>
      </dl>
      <p className="mt-3 text-slate-700">
        Verify each request with it, for example with a Standard Webhooks library:{" "}
        <code className="break-all font-mono">new Webhook(secret).verify(rawBody, headers)</code>.
      </p>
      <Button className="mt-4" variant="secondary" onClick={onDone}>
        I’ve saved it
      </Button>
    </section>
  );
}
