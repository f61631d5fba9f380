// Every dashboard page sits behind a valid staff session.
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageSession } from "@/server/auth/page-session";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requirePageSession();
  return <AppShell user={user}>{children}</AppShell>;
}
