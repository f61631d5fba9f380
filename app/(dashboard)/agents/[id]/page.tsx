import type { Metadata } from "next";
import { AgentEditor } from "@/components/agents/agent-editor";
import { requirePageSession } from "@/server/auth/page-session";

export const metadata: Metadata = { title: "Agent" };

export default async function AgentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageSession();
  return <AgentEditor id={(await params).id} isAdmin={user.role === "admin"} />;
}
