"use client";
// Staff accounts with their role and state, and the actions an admin may take on each. Deactivating or
// removing someone also revokes their API keys and disables their webhooks; the confirmations say so.
import Link from "next/link";
import { useState } from "react";
import { useRemoveStaffUserMutation, useUpdateStaffUserMutation } from "@/components/queries/settings";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import type { StaffUserDto } from "@/server/staff/schema";
import { ConfirmButton } from "./confirm-button";
import { SetPasswordForm } from "./set-password-form";

function Badge({ children, tone }: { children: string; tone: "indigo" | "slate" | "amber" }) {
  const colors = {
    indigo: "bg-indigo-50 text-indigo-800 ring-indigo-200",
    slate: "bg-slate-100 text-slate-700 ring-slate-300",
    amber: "bg-amber-50 text-amber-900 ring-amber-200",
  }[tone];
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${colors}`}>{children}</span>;
}

const LEAVING = "Their API keys are revoked, their webhook endpoints are disabled and they are signed out everywhere.";

function UserRow({ user, isSelf }: { user: StaffUserDto; isSelf: boolean }) {
  const update = useUpdateStaffUserMutation();
  const remove = useRemoveStaffUserMutation();
  const [settingPassword, setSettingPassword] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const who = user.name || user.email;
  const error = update.error ?? remove.error;
  const nextRole = user.role === "admin" ? "staff" : "admin";
  return (
    <li className="flex flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3" data-testid="user-row">
      <div className="min-w-0 flex-1 basis-56">
        <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
          <span className="break-words">{who}</span>
          {isSelf && <span className="text-sm font-normal text-slate-500">(you)</span>}
          <Badge tone={user.role === "admin" ? "indigo" : "slate"}>{user.role}</Badge>
          {!user.active && <Badge tone="amber">deactivated</Badge>}
        </p>
        <p className="mt-0.5 break-all text-sm text-slate-600">{user.email}</p>
      </div>
      {isSelf ? (
        <p className="text-sm text-slate-500">
          Another admin can change your own account.{" "}
          <Link className="font-medium text-indigo-700 underline" href="/account">
            Change your password
          </Link>
        </p>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            variant="secondary"
            aria-label={`Make ${who} ${nextRole}`}
            disabled={update.isPending}
            onClick={() => update.mutate({ id: user.id, role: nextRole })}
          >
            Make {nextRole}
          </Button>
          <Button
            variant="secondary"
            aria-label={`Set password for ${who}`}
            aria-expanded={settingPassword}
            onClick={() => {
              setNotice(null);
              setSettingPassword((open) => !open);
            }}
          >
            Set password
          </Button>
          {user.active ? (
            <ConfirmButton
              label={`Deactivate ${who}`}
              title={`Deactivate ${who}?`}
              message={<p>{LEAVING} Reactivating them later restores none of it.</p>}
              confirmText="Deactivate"
              onConfirm={() => update.mutateAsync({ id: user.id, active: false }).catch(() => {})}
            >
              Deactivate
            </ConfirmButton>
          ) : (
            <Button
              variant="secondary"
              aria-label={`Reactivate ${who}`}
              disabled={update.isPending}
              onClick={() => update.mutate({ id: user.id, active: true })}
            >
              Reactivate
            </Button>
          )}
          <ConfirmButton
            label={`Remove ${who}`}
            title={`Remove ${who}?`}
            message={
              <p>
                {user.email} can no longer sign in. {LEAVING} This cannot be undone.
              </p>
            }
            confirmText="Remove staff member"
            onConfirm={() => remove.mutateAsync(user.id).catch(() => {})}
          >
            Remove
          </ConfirmButton>
        </div>
      )}
      {settingPassword && (
        <SetPasswordForm
          userId={user.id}
          who={who}
          onDone={(message) => {
            setSettingPassword(false);
            setNotice(message);
          }}
          onCancel={() => setSettingPassword(false)}
        />
      )}
      {notice && (
        <p role="status" className="basis-full text-sm text-emerald-800">
          {notice}
        </p>
      )}
      <FormError inline message={error?.message} className="basis-full" />
    </li>
  );
}

export function UserList({ users, currentUserId }: { users: StaffUserDto[]; currentUserId: string }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Staff members">
      {users.map((u) => (
        <UserRow key={u.id} user={u} isSelf={u.id === currentUserId} />
      ))}
    </ul>
  );
}
