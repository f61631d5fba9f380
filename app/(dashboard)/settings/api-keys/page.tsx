import type { Metadata } from "next";
import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { requirePageSession } from "@/server/auth/page-session";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const user = await requirePageSession();
  return <ApiKeysPanel isAdmin={user.role === "admin"} />;
}
