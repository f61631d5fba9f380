import type { Metadata } from "next";
import { AgentEditor } from "@/components/agents/agent-editor";

export const metadata: Metadata = { title: "Agent" };

export default async function AgentPage({ params }: { params: Promise<{ id: string }> }) {
  return <AgentEditor id={(await params).id} />;
}
