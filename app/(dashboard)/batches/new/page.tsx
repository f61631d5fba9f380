// /batches/new: upload a CSV and start a batch campaign.
import type { Metadata } from "next";
import { NewBatch } from "@/components/batches/new-batch";

export const metadata: Metadata = { title: "New batch" };

export default function NewBatchPage() {
  return <NewBatch />;
}
