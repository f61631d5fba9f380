"use client";
// The agent editor's "Actions": HTTP tools the agent's model may call during a conversation. Lists
// them, adds, edits, enables and deletes them; admins can reveal the secret their requests are signed with.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/page-header";
import { EmptyState, ErrorNotice, LoadingBlock } from "@/components/ui/states";
import { type CreateActionInput, MAX_ACTIONS_PER_AGENT } from "@/server/actions/schema";
import { ActionForm } from "./action-form";
import { ActionRow } from "./action-row";
import { ActionSecret } from "./action-secret";
import { useActionsQuery, useCreateActionMutation } from "./queries";

export function ActionsSection({ agentId, isAdmin }: { agentId: string; isAdmin: boolean }) {
  const actions = useActionsQuery(agentId);
  const create = useCreateActionMutation(agentId);
  const [adding, setAdding] = useState(false);
  const full = (actions.data?.items.length ?? 0) >= MAX_ACTIONS_PER_AGENT;

  return (
    <Card
      title="Actions"
      actions={
        <Button variant="secondary" aria-expanded={adding} disabled={!adding && full} onClick={() => setAdding((a) => !a)}>
          {adding ? "Close" : "Add an action"}
        </Button>
      }
    >
      <p className="mb-4 text-sm text-slate-600">
        HTTP endpoints the agent may call while it talks to a customer, such as an order lookup. Callboard POSTs the model’s
        arguments as JSON, signed like a webhook, and the agent reads the answer. At most {MAX_ACTIONS_PER_AGENT} per agent.
      </p>
      {adding && (
        <div className="mb-4 rounded-md border border-slate-200 bg-slate-50 p-4">
          <h3 className="mb-3 text-sm font-semibold text-slate-900">New action</h3>
          <ActionForm
            submitLabel="Add action"
            onSave={async (body) => {
              await create.mutateAsync(body as CreateActionInput);
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
        </div>
      )}
      {actions.isPending ? (
        <LoadingBlock label="Loading the agent's actions" />
      ) : actions.isError ? (
        <ErrorNotice title="The actions could not be loaded" error={actions.error} />
      ) : actions.data.items.length === 0 ? (
        <EmptyState title="No actions yet">
          <p>Add one to let the agent look things up or act in your systems during a conversation.</p>
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200" aria-label="Actions">
          {actions.data.items.map((action) => (
            <ActionRow key={action.id} action={action} />
          ))}
        </ul>
      )}
      {isAdmin && (
        <div className="mt-4 border-t border-slate-200 pt-4">
          <ActionSecret agentId={agentId} />
        </div>
      )}
    </Card>
  );
}
