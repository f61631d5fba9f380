import type { Metadata } from "next";
import { AccountPanel } from "@/components/account/account-panel";
import { requirePageSession } from "@/server/auth/page-session";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  return <AccountPanel user={await requirePageSession()} />;
}
