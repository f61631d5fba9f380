"use client";
// /settings/users (admins only): add staff, change roles, deactivate and remove accounts.
import { useState } from "react";
import { useStaffUsersQuery } from "@/components/queries/settings";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorNotice, LoadingBlock } from "@/components/ui/states";
import { CreateUserForm } from "./create-user-form";
import { UserList } from "./user-list";

export function UsersPanel({ currentUserId }: { currentUserId: string }) {
  const users = useStaffUsersQuery();
  const [added, setAdded] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title="Users"
        description="Staff sign in to this dashboard. Admins can also add, change and remove staff accounts."
      />
      <p aria-live="polite" className="sr-only">
        {added ? `${added} was added.` : ""}
      </p>
      {added && (
        <p className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {added} was added. They can sign in with the initial password you chose.
        </p>
      )}
      <CreateUserForm onCreated={setAdded} />
      <h2 className="mb-3 text-lg font-semibold text-slate-900">Staff members</h2>
      {users.isPending ? (
        <LoadingBlock label="Loading staff members" />
      ) : users.isError ? (
        <ErrorNotice title="The staff list could not be loaded" error={users.error} />
      ) : users.data.items.length === 0 ? (
        <EmptyState title="No staff members yet" />
      ) : (
        <UserList users={users.data.items} currentUserId={currentUserId} />
      )}
    </>
  );
}
