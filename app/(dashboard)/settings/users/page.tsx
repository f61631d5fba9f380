import type { Metadata } from "next";
import { UsersPanel } from "@/components/settings/users-panel";
import { requireAdminPage } from "@/server/auth/page-session";

export const metadata: Metadata = { title: "Users" };

// Admins only: anyone else is sent to the overview before anything renders.
export default async function UsersPage() {
  const admin = await requireAdminPage();
  return <UsersPanel currentUserId={admin.userId} />;
}
