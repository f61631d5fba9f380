"use client";
// API credentials: who it is for, its username, who created it (shown to admins, who see everyone's),
// when it was made and last used, and revoke.
import { useRevokeApiKeyMutation } from "@/components/queries/settings";
import { FormError } from "@/components/ui/form-error";
import { formatDateTime, formatRelative } from "@/lib/format";
import type { ApiKeyDto } from "@/server/api-keys/schema";
import { ConfirmButton } from "./confirm-button";
import { CreatedBy } from "./created-by";

function When({ value, never = "never" }: { value: string | null; never?: string }) {
  if (!value) return <>{never}</>;
  return (
    <time dateTime={value} title={formatDateTime(value)}>
      {formatRelative(value)}
    </time>
  );
}

function ApiKeyRow({ apiKey, showOwner }: { apiKey: ApiKeyDto; showOwner: boolean }) {
  const revoke = useRevokeApiKeyMutation();
  const revoked = !!apiKey.revokedAt;
  return (
    <li className="flex flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3" data-testid="api-key-row">
      <div className="min-w-0 flex-1 basis-56">
        <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
          <span className="break-words">{apiKey.name}</span>
          <span
            className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
              revoked ? "bg-slate-100 text-slate-700 ring-slate-300" : "bg-emerald-50 text-emerald-800 ring-emerald-200"
            }`}
          >
            {revoked ? "revoked" : "active"}
          </span>
        </p>
        <p className="mt-0.5 break-all font-mono text-xs text-slate-600">{apiKey.username}</p>
        {showOwner && (
          <p className="mt-0.5 text-sm text-slate-700" data-testid="api-key-owner">
            <span className="text-slate-500">Created by </span>
            <CreatedBy creator={apiKey.createdBy} />
          </p>
        )}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm text-slate-700 sm:grid-cols-[auto_auto_auto_auto_auto_auto]">
        <dt className="text-slate-500">Created</dt>
        <dd>
          <When value={apiKey.createdAt} />
        </dd>
        <dt className="text-slate-500">Last used</dt>
        <dd data-testid="api-key-last-used">
          <When value={apiKey.lastUsedAt} />
        </dd>
        {revoked && (
          <>
            <dt className="text-slate-500">Revoked</dt>
            <dd>
              <When value={apiKey.revokedAt} />
            </dd>
          </>
        )}
      </dl>
      <div className="flex flex-col items-end gap-1">
        {!revoked && (
          <ConfirmButton
            label={`Revoke ${apiKey.name}`}
            title={`Revoke “${apiKey.name}”?`}
            message={
              <p>
                Integrations using <code className="font-mono">{apiKey.username}</code> stop working within a few seconds. This
                cannot be undone.
              </p>
            }
            confirmText="Revoke API key"
            onConfirm={() => revoke.mutateAsync(apiKey.id).catch(() => {})}
          >
            Revoke
          </ConfirmButton>
        )}
        <FormError inline message={revoke.error?.message} />
      </div>
    </li>
  );
}

export function ApiKeyList({ keys, showOwner }: { keys: ApiKeyDto[]; showOwner: boolean }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="API keys">
      {keys.map((k) => (
        <ApiKeyRow key={k.id} apiKey={k} showOwner={showOwner} />
      ))}
    </ul>
  );
}
