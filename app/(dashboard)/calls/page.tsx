// /calls: the interactions list, filterable through the URL.
import type { Metadata } from "next";
import { Suspense } from "react";
import { CallsList } from "@/components/calls/list/calls-list";
import { CallsTableSkeleton } from "@/components/calls/list/calls-table";

export const metadata: Metadata = { title: "Interactions" };

export default function CallsPage() {
  // useSearchParams needs a Suspense boundary.
  return (
    <Suspense fallback={<CallsTableSkeleton />}>
      <CallsList />
    </Suspense>
  );
}
