// /calls/{id}: one interaction, followed live.
import type { Metadata } from "next";
import { LiveView } from "@/components/calls/live-view/live-view";

export const metadata: Metadata = { title: "Interaction" };

export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <LiveView id={id} />;
}
