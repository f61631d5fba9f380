// /account: who is signed in, and changing their own password.
import { Card, PageHeader } from "@/components/ui/page-header";
import type { StaffPrincipal } from "@/server/auth/session";
import { ChangePasswordForm } from "./change-password-form";

export function AccountPanel({ user }: { user: StaffPrincipal }) {
  return (
    <>
      <PageHeader title="Account" description="Your dashboard account. An admin changes names, roles and e-mail addresses." />
      <Card title="Signed in as" className="mb-6">
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm text-slate-700">
          <dt className="text-slate-500">Name</dt>
          <dd className="break-words">{user.name || "—"}</dd>
          <dt className="text-slate-500">Email</dt>
          <dd className="break-all">{user.email}</dd>
          <dt className="text-slate-500">Role</dt>
          <dd>{user.role}</dd>
        </dl>
      </Card>
      <ChangePasswordForm />
    </>
  );
}
