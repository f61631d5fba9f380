import type { Metadata } from "next";
import { BatchDetail } from "@/components/batches/batch-detail";

export const metadata: Metadata = { title: "Batch" };

export default async function BatchPage({ params }: { params: Promise<{ id: string }> }) {
  return <BatchDetail id={(await params).id} />;
}
