import type { Metadata } from "next";
import { WebhookDetail } from "@/components/settings/webhooks/webhook-detail";

export const metadata: Metadata = { title: "Webhook deliveries" };

export default async function WebhookDeliveriesPage({ params }: { params: Promise<{ id: string }> }) {
  return <WebhookDetail id={(await params).id} />;
}
