"use client";
// The one moment a credential's secret is visible: username, password, a ready-to-paste curl command.
import { Button } from "@/components/ui/button";
import type { CreatedApiKeyDto } from "@/server/api-keys/schema";
import { CopyButton } from "./copy-button";

function shellQuote(value: string) {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

export function NewApiKeyNotice({ created, onDone }: { created: CreatedApiKeyDto; onDone: () => void }) {
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const curl = `curl -u ${shellQuote(`${created.username}:${created.password}`)} ${origin}/api/v1/calls`;
  return (
    <section
      aria-labelledby="new-key-title"
      className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-slate-900"
      data-testid="new-api-key"
    >
      <h2 id="new-key-title" className="text-base font-semibold">
        API key “{created.name}” created
      </h2>
      <p className="mt-1 font-medium text-amber-900">
        Copy the password now: you won’t see it again. If you lose it, revoke this key and create a new one.
      </p>
      <dl className="mt-3 space-y-3">
        <div>
          <dt className="font-medium">Username</dt>
          <dd className="mt-1 flex flex-wrap items-center gap-2">
            <code className="break-all rounded bg-white px-2 py-1 font-mono" data-testid="new-api-key-username">
              {created.username}
            </code>
            <CopyButton value={created.username} label="Copy username" />
          </dd>
        </div>
        <div>
          <dt className="font-medium">Password</dt>
          <dd className="mt-1 flex flex-wrap items-center gap-2">
            <code className="break-all rounded bg-white px-2 py-1 font-mono" data-testid="new-api-key-password">
              {created.password}
            </code>
            <CopyButton value={created.password} label="Copy password" />
          </dd>
        </div>
        <div>
          <dt className="font-medium">Try it</dt>
          <dd className="mt-1 flex flex-wrap items-center gap-2">
            <code className="min-w-0 max-w-full break-all rounded bg-white px-2 py-1 font-mono" data-testid="new-api-key-curl">
              {curl}
            </code>
            <CopyButton value={curl} label="Copy curl command" />
          </dd>
        </div>
      </dl>
      <Button className="mt-4" variant="secondary" onClick={onDone}>
        I’ve saved it
      </Button>
    </section>
  );
}
