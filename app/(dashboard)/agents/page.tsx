import type { Metadata } from "next";
import { AgentsList } from "@/components/agents/agents-list";
import { savedIdFrom } from "@/components/ui/saved-id";

export const metadata: Metadata = { title: "Agents" };

export default async function AgentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  return <AgentsList savedId={savedIdFrom((await searchParams).saved)} />;
}
