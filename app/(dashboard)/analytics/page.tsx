// /analytics: charts and tables over a range of days, filterable through the URL.
import type { Metadata } from "next";
import { Suspense } from "react";
import { AnalyticsPage } from "@/components/analytics/analytics-page";
import { LoadingBlock } from "@/components/ui/states";

export const metadata: Metadata = { title: "Analytics" };

export default function Page() {
  // useSearchParams needs a Suspense boundary.
  return (
    <Suspense fallback={<LoadingBlock label="Loading analytics" />}>
      <AnalyticsPage />
    </Suspense>
  );
}
