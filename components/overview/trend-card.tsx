"use client";
// The overview's last 7 days: interactions per day as a small chart, with the same numbers as a table,
// and a link to the full analytics. Fetched in the browser, in the viewer's own time zone.
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/components/analytics/chart-card";
import { bucketLabel } from "@/components/analytics/format";
import { localDay, toAnalyticsQuery, useAnalyticsQuery } from "@/components/analytics/use-analytics";
import { ButtonLink } from "@/components/ui/button";
import { ErrorNotice, LoadingBlock } from "@/components/ui/states";

const FILTERS = { from: "", to: "", channel: "", agent: "", skill: "", direction: "" };

export function TrendCard() {
  const query = toAnalyticsQuery({ ...FILTERS, from: localDay(-6), to: localDay() });
  const analytics = useAnalyticsQuery(query);
  if (analytics.isPending) return <LoadingBlock label="Loading the last 7 days" />;
  if (analytics.isError) return <ErrorNotice error={analytics.error} title="The last 7 days could not be loaded" />;
  const data = analytics.data;
  const rows = data.buckets.map((b) => ({ name: bucketLabel(b.label), total: b.total }));
  return (
    <div className="space-y-2">
      <ChartCard
        title="Last 7 days"
        testId="overview-trend"
        chartClassName="h-36"
        summary={`Bars of interactions per day over the last 7 days: ${data.totals.interactions} in all, ${data.buckets.at(-1)?.total ?? 0} today.`}
        chart={
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 144 }}>
            <BarChart data={rows} accessibilityLayer={false}>
              <XAxis dataKey="name" tick={{ fontSize: 12, fill: "#475569" }} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} width={32} />
              <Tooltip />
              <Bar dataKey="total" name="Interactions" fill="#4f46e5" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        }
        rows={data.buckets}
        rowKey={(b) => b.start}
        columns={[
          { header: "Day", cell: (b) => b.label },
          { header: "Interactions", cell: (b) => b.total, numeric: true },
        ]}
      />
      <div className="text-right">
        <ButtonLink href="/analytics" variant="ghost">
          Open analytics
        </ButtonLink>
      </div>
    </div>
  );
}
