"use client";
// The analytics charts (recharts), each with its table alternative (ChartCard). They render only in
// the browser, after the data arrived: a `style` attribute in server-rendered HTML would break the
// page's Content-Security-Policy, while styles React sets from script pass.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHANNEL_LABELS } from "@/components/calls/channel-labels";
import type { Analytics, AnalyticsBucket } from "@/server/analytics/schema";
import { CHANNELS, STATUSES } from "@/server/calls/status";
import { ChartCard } from "./chart-card";
import { bucketLabel, percent, seconds } from "./format";

// Tailwind's 600/700 shades: distinguishable, and dark enough against white for the legend's text.
const CHANNEL_COLORS: Record<(typeof CHANNELS)[number], string> = {
  call: "#4f46e5",
  sms: "#0891b2",
  whatsapp: "#15803d",
  email: "#b45309",
  webchat: "#be185d",
};
const SENTIMENTS = [
  { key: "positive", label: "Positive", color: "#15803d" },
  { key: "neutral", label: "Neutral", color: "#64748b" },
  { key: "negative", label: "Negative", color: "#dc2626" },
  { key: "unknown", label: "Unclear", color: "#a16207" },
  { key: "none", label: "Not analysed", color: "#cbd5e1" },
] as const;
const STATUS_COLORS: Partial<Record<(typeof STATUSES)[number], string>> = {
  completed: "#15803d",
  resolved: "#166534",
  transferred: "#4f46e5",
  voicemail: "#a16207",
  busy: "#d97706",
  "no-answer": "#b45309",
  undelivered: "#c2410c",
  failed: "#dc2626",
  canceled: "#64748b",
  expired: "#94a3b8",
};
const LIVE_COLOR = "#0891b2";

const HEIGHT = 256;
const axis = { fontSize: 12, fill: "#475569" };

function Frame({ children }: { children: React.ReactElement }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 600, height: HEIGHT }}>
      {children}
    </ResponsiveContainer>
  );
}

const rowsOf = (buckets: AnalyticsBucket[]) => buckets.map((b) => ({ ...b, name: bucketLabel(b.label) }));
const busiest = (buckets: AnalyticsBucket[]) => buckets.reduce((top, b) => (b.total > top.total ? b : top), buckets[0]);
const unit = (data: Analytics) => (data.range.bucket === "hour" ? "hour" : "day");

export function VolumeChart({ data }: { data: Analytics }) {
  const rows = rowsOf(data.buckets).map((b) => ({ ...b, ...b.byChannel }));
  const top = busiest(data.buckets);
  const channels = CHANNELS.filter((c) => data.buckets.some((b) => b.byChannel[c] > 0));
  return (
    <ChartCard
      title="Interactions by channel"
      testId="chart-volume"
      summary={`Stacked bars, one per ${unit(data)}: ${data.totals.interactions} interactions in all, the most (${top.total}) on ${bucketLabel(top.label)}.`}
      chart={
        <Frame>
          <BarChart data={rows} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={axis} />
            <YAxis allowDecimals={false} tick={axis} width={40} />
            <Tooltip />
            <Legend />
            {channels.map((c) => (
              <Bar
                key={c}
                dataKey={c}
                name={CHANNEL_LABELS[c]}
                stackId="channels"
                fill={CHANNEL_COLORS[c]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </Frame>
      }
      rows={data.buckets}
      rowKey={(b) => b.start}
      columns={[
        { header: data.range.bucket === "hour" ? "Hour" : "Day", cell: (b) => b.label.replace("T", " ") },
        ...CHANNELS.map((c) => ({ header: CHANNEL_LABELS[c], cell: (b: AnalyticsBucket) => b.byChannel[c], numeric: true })),
        { header: "Total", cell: (b) => b.total, numeric: true },
      ]}
    />
  );
}

export function SuccessChart({ data }: { data: Analytics }) {
  const rows = rowsOf(data.buckets).map((b) => ({
    ...b,
    rate: b.successRate === null ? null : Math.round(b.successRate * 1000) / 10,
  }));
  return (
    <ChartCard
      title="Success rate"
      testId="chart-success"
      summary={`A line of the share of judged interactions that succeeded, per ${unit(data)}: ${percent(data.totals.successRate)} over the range (${data.totals.successful} of ${data.totals.judged}).`}
      chart={
        <Frame>
          <LineChart data={rows} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={axis} />
            <YAxis domain={[0, 100]} unit="%" tick={axis} width={48} />
            <Tooltip formatter={(v) => `${v}%`} />
            <Line dataKey="rate" name="Success rate" stroke="#15803d" strokeWidth={2} connectNulls isAnimationActive={false} />
          </LineChart>
        </Frame>
      }
      rows={data.buckets}
      rowKey={(b) => b.start}
      columns={[
        { header: data.range.bucket === "hour" ? "Hour" : "Day", cell: (b) => b.label.replace("T", " ") },
        { header: "Successful", cell: (b) => b.successful, numeric: true },
        { header: "Judged", cell: (b) => b.judged, numeric: true },
        { header: "Success rate", cell: (b) => percent(b.successRate), numeric: true },
      ]}
    />
  );
}

export function StatusChart({ data }: { data: Analytics }) {
  const statuses = STATUSES.filter((s) => data.buckets.some((b) => (b.byStatus[s] ?? 0) > 0));
  const rows = rowsOf(data.buckets).map((b) => ({ ...b, ...Object.fromEntries(statuses.map((s) => [s, b.byStatus[s] ?? 0])) }));
  const totals = statuses.map((s) => ({ status: s, count: data.buckets.reduce((n, b) => n + (b.byStatus[s] ?? 0), 0) }));
  return (
    <ChartCard
      title="How interactions ended"
      testId="chart-status"
      summary={`Stacked bars of end statuses per ${unit(data)}: ${totals.map((t) => `${t.count} ${t.status}`).join(", ")}.`}
      chart={
        <Frame>
          <BarChart data={rows} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={axis} />
            <YAxis allowDecimals={false} tick={axis} width={40} />
            <Tooltip />
            <Legend />
            {statuses.map((s) => (
              <Bar key={s} dataKey={s} stackId="status" fill={STATUS_COLORS[s] ?? LIVE_COLOR} isAnimationActive={false} />
            ))}
          </BarChart>
        </Frame>
      }
      rows={totals}
      rowKey={(t) => t.status}
      columns={[
        { header: "Status", cell: (t) => t.status },
        { header: "Interactions", cell: (t) => t.count, numeric: true },
      ]}
    />
  );
}

export function SentimentChart({ data }: { data: Analytics }) {
  const rows = rowsOf(data.buckets).map((b) => ({ ...b, ...b.sentiment }));
  const s = data.totals.sentiment;
  return (
    <ChartCard
      title="Customer sentiment"
      testId="chart-sentiment"
      summary={`Stacked bars of the analysis's sentiment per ${unit(data)}: ${s.positive} positive, ${s.neutral} neutral, ${s.negative} negative, ${s.unknown} unclear, ${s.none} not analysed.`}
      chart={
        <Frame>
          <BarChart data={rows} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={axis} />
            <YAxis allowDecimals={false} tick={axis} width={40} />
            <Tooltip />
            <Legend />
            {SENTIMENTS.map((m) => (
              <Bar key={m.key} dataKey={m.key} name={m.label} stackId="sentiment" fill={m.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </Frame>
      }
      rows={SENTIMENTS.map((m) => ({ ...m, count: s[m.key] }))}
      rowKey={(m) => m.key}
      columns={[
        { header: "Sentiment", cell: (m) => m.label },
        { header: "Interactions", cell: (m) => m.count, numeric: true },
      ]}
    />
  );
}

export function DurationChart({ data }: { data: Analytics }) {
  const rows = data.durations.map((d) => ({ ...d, name: CHANNEL_LABELS[d.channel] }));
  const measured = data.durations.filter((d) => d.count > 0);
  return (
    <ChartCard
      title="Duration by channel"
      testId="chart-duration"
      summary={`Bars of the median and 90th-percentile duration per channel: ${measured
        .map((d) => `${CHANNEL_LABELS[d.channel]} median ${seconds(d.medianSeconds)}, p90 ${seconds(d.p90Seconds)}`)
        .join("; ")}.`}
      chart={
        <Frame>
          <BarChart data={rows} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={axis} />
            <YAxis tick={axis} width={48} unit=" s" />
            <Tooltip formatter={(v) => seconds(Number(v))} />
            <Legend />
            <Bar dataKey="medianSeconds" name="Median" fill="#4f46e5" isAnimationActive={false} />
            <Bar dataKey="p90Seconds" name="90th percentile" fill="#a5b4fc" isAnimationActive={false} />
          </BarChart>
        </Frame>
      }
      rows={data.durations}
      rowKey={(d) => d.channel}
      columns={[
        { header: "Channel", cell: (d) => CHANNEL_LABELS[d.channel] },
        { header: "With a duration", cell: (d) => d.count, numeric: true },
        { header: "Median", cell: (d) => seconds(d.medianSeconds), numeric: true },
        { header: "90th percentile", cell: (d) => seconds(d.p90Seconds), numeric: true },
      ]}
    />
  );
}
