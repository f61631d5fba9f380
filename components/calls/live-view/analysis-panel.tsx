"use client";
// The post-call analysis of an ended interaction: summary, sentiment, success, extracted values and
// who corrected it; staff correct it in place (PUT /api/v1/calls/{id}/analysis, the API's schema).
import { useState } from "react";
import { useCorrectAnalysisMutation } from "@/components/queries/calls";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField } from "@/components/ui/field";
import { Card } from "@/components/ui/page-header";
import { ApiClientError } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";
import { type Analysis, type CorrectAnalysisInput, correctAnalysisSchema, SENTIMENTS } from "@/server/analysis/schema";
import type { Call } from "@/server/calls/schema";

const SENTIMENT_STYLE: Record<string, string> = {
  positive: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  neutral: "bg-slate-50 text-slate-700 ring-slate-200",
  negative: "bg-rose-50 text-rose-800 ring-rose-200",
  unknown: "bg-slate-50 text-slate-500 ring-slate-200",
};

const yesNo = (v: boolean | null) => (v === null ? "Not judged" : v ? "Yes" : "No");

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 break-words text-sm text-slate-900">{children}</dd>
    </div>
  );
}

function CorrectionForm({ call, analysis, onDone }: { call: Call; analysis: Analysis; onDone: () => void }) {
  const mutation = useCorrectAnalysisMutation(call.id);
  const [summary, setSummary] = useState(analysis.summary ?? "");
  const [sentiment, setSentiment] = useState(analysis.sentiment ?? "unknown");
  const [successful, setSuccessful] = useState(analysis.successful === null ? "" : String(analysis.successful));
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const input: CorrectAnalysisInput = {
      summary,
      sentiment: sentiment as CorrectAnalysisInput["sentiment"],
      successful: successful === "" ? null : successful === "true",
    };
    const parsed = correctAnalysisSchema.safeParse(input);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Check the fields.");
      return;
    }
    try {
      await mutation.mutateAsync(parsed.data);
      onDone();
    } catch (err) {
      setError(err instanceof ApiClientError || err instanceof Error ? err.message : "Saving failed.");
    }
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Correct the analysis">
      <TextAreaField label="Summary" value={summary} maxLength={2000} onChange={(e) => setSummary(e.target.value)} />
      <div className="grid grid-cols-2 gap-3">
        <SelectField label="Sentiment" value={sentiment} onChange={(e) => setSentiment(e.target.value as typeof sentiment)}>
          {SENTIMENTS.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
        <SelectField label="Successful" value={successful} onChange={(e) => setSuccessful(e.target.value)}>
          <option value="">Not judged</option>
          <option value="true">Yes</option>
          <option value="false">No</option>
        </SelectField>
      </div>
      {error && (
        <p role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="secondary" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : "Save correction"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function AnalysisPanel({ call }: { call: Call }) {
  const [editing, setEditing] = useState(false);
  const analysis = call.analysis;
  if (!analysis) return null;
  if (analysis.status === "pending") {
    return (
      <Card title="Analysis">
        <p role="status" className="text-sm text-slate-600">
          Analysing the conversation…
        </p>
      </Card>
    );
  }
  return (
    <Card
      title="Analysis"
      actions={
        !editing && (
          <Button variant="ghost" onClick={() => setEditing(true)}>
            Correct
          </Button>
        )
      }
    >
      <div role="status" data-testid="analysis" className="space-y-3">
        {analysis.status === "failed" && <p className="text-sm text-rose-700">The analysis failed: {analysis.error}</p>}
        {editing ? (
          <CorrectionForm call={call} analysis={analysis} onDone={() => setEditing(false)} />
        ) : (
          <dl className="space-y-3">
            {analysis.summary && <Row label="Summary">{analysis.summary}</Row>}
            {analysis.sentiment && (
              <Row label="Sentiment">
                <span
                  className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${SENTIMENT_STYLE[analysis.sentiment]}`}
                >
                  {analysis.sentiment}
                </span>
              </Row>
            )}
            <Row label="Successful">
              {yesNo(analysis.successful)}
              {analysis.successReason && <span className="block text-slate-600">{analysis.successReason}</span>}
            </Row>
            {analysis.inVoicemail !== null && <Row label="Voicemail">{analysis.inVoicemail ? "Yes" : "No"}</Row>}
            {Object.entries(analysis.extracted).map(([name, value]) => (
              <Row key={name} label={name}>
                {value === null ? <span className="text-slate-500">Not found</span> : String(value)}
              </Row>
            ))}
          </dl>
        )}
        <p className="text-xs text-slate-500">
          {analysis.method === "rules" && "Rules-based: no language model is configured, so nothing is guessed. "}
          {analysis.simulated && "Simulated interaction: no real customer took part. "}
          {analysis.correctedBy &&
            `Corrected by ${analysis.correctedBy.name}${analysis.correctedAt ? ` on ${formatDateTime(analysis.correctedAt)}` : ""}.`}
        </p>
      </div>
    </Card>
  );
}
