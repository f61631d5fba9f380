import type { Metadata } from "next";
import { ChannelsPanel } from "@/components/settings/channels/channels-panel";
import { requirePageSession } from "@/server/auth/page-session";

export const metadata: Metadata = { title: "Channels" };

export default async function ChannelsPage() {
  const user = await requirePageSession();
  return <ChannelsPanel isAdmin={user.role === "admin"} />;
}
