import type { Metadata } from "next";
import { BatchesList } from "@/components/batches/batches-list";

export const metadata: Metadata = { title: "Batches" };

export default function BatchesPage() {
  return <BatchesList />;
}
