"use client";
// Admins only: the key this agent's action requests are signed with, shown on request (never in the
// action objects), so whoever builds the receiving endpoint can verify them.
import { useState } from "react";
import { CopyButton } from "@/components/settings/copy-button";
import { Button } from "@/components/ui/button";
import { ErrorNotice, Spinner } from "@/components/ui/states";
import { useActionSecretQuery } from "./queries";

export function ActionSecret({ agentId }: { agentId: string }) {
  const [shown, setShown] = useState(false);
  const secret = useActionSecretQuery(agentId, shown);

  if (!shown) {
    return (
      <Button variant="secondary" onClick={() => setShown(true)}>
        Show signing secret
      </Button>
    );
  }
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-slate-900" data-testid="action-secret">
      {secret.isPending && <Spinner label="Loading the signing secret" />}
      {secret.isError && <ErrorNotice error={secret.error} title="The signing secret could not be loaded" />}
      {secret.isSuccess && (
        <>
          <p className="font-medium">Signing secret of this agent’s actions</p>
          <p className="mt-1 flex flex-wrap items-center gap-2">
            <code className="min-w-0 max-w-full break-all rounded bg-white px-2 py-1 font-mono">{secret.data.secret}</code>
            <CopyButton value={secret.data.secret} label="Copy signing secret" />
          </p>
          <p className="mt-2 text-slate-700">
            Verify each action request with it as you would a webhook, e.g.{" "}
            <code className="break-all font-mono">new Webhook(secret).verify(rawBody, headers)</code>. Keep it private.
          </p>
        </>
      )}
      <Button className="mt-3" variant="secondary" onClick={() => setShown(false)}>
        Hide signing secret
      </Button>
    </div>
  );
}
