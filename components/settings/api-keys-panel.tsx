"use client";
// /settings/api-keys: create credentials for integrations (secret shown once), see use, revoke. Staff
// see the keys they created; admins see everyone's, with who created each.
import { useState } from "react";
import { useApiKeysQuery } from "@/components/queries/settings";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorNotice, LoadingBlock } from "@/components/ui/states";
import type { CreatedApiKeyDto } from "@/server/api-keys/schema";
import { ApiKeyList } from "./api-key-list";
import { CreateApiKeyForm } from "./create-api-key-form";
import { NewApiKeyNotice } from "./new-api-key-notice";

export function ApiKeysPanel({ isAdmin }: { isAdmin: boolean }) {
  const keys = useApiKeysQuery();
  const [created, setCreated] = useState<CreatedApiKeyDto | null>(null);
  return (
    <>
      <PageHeader
        title="API keys"
        description="Integrations call the REST API with HTTP Basic auth: an API key’s username and password. Revoke a key to cut off whatever uses it."
      />
      <p className="mb-4 text-sm text-slate-600">
        {isAdmin
          ? "As an admin you see every key and who created it. A person’s keys are revoked when they are deactivated or removed."
          : "These are the keys you created. They are revoked if your account is deactivated or removed."}
      </p>
      {created && <NewApiKeyNotice created={created} onDone={() => setCreated(null)} />}
      <CreateApiKeyForm onCreated={setCreated} />
      <h2 className="mb-3 text-lg font-semibold text-slate-900">Keys</h2>
      {keys.isPending ? (
        <LoadingBlock label="Loading API keys" />
      ) : keys.isError ? (
        <ErrorNotice title="The API keys could not be loaded" error={keys.error} />
      ) : keys.data.items.length === 0 ? (
        <EmptyState title="No API keys yet">Create one above to let an integration call the API.</EmptyState>
      ) : (
        <ApiKeyList keys={keys.data.items} showOwner={isAdmin} />
      )}
    </>
  );
}
