// The transcript ("Agent: …" / "Customer: …" lines) once the interaction produced one.
import { Card } from "@/components/ui/page-header";
import type { Call } from "@/server/calls/schema";

export function TranscriptPanel({ call, live }: { call: Call; live: boolean }) {
  // A transcript line's number is its identity: the text is final and never reordered.
  const lines = (call.transcription?.split("\n").filter(Boolean) ?? []).map((text, n) => ({ id: `line-${n}`, text }));
  return (
    <Card title="Transcript">
      {lines.length === 0 ? (
        <p className="text-sm text-slate-600">
          {live ? "The transcript appears here when the interaction ends." : "No transcript was produced."}
        </p>
      ) : (
        // No inner scroll area: the page scrolls, so keyboard users need no extra focus stop to read it all.
        <div className="space-y-1.5 text-sm leading-relaxed text-slate-800">
          {lines.map(({ id, text: line }) => {
            const m = /^(Agent|Customer): (.*)$/.exec(line);
            return (
              <p key={id}>
                {m ? (
                  <>
                    <span className="font-semibold">{m[1]}:</span> {m[2]}
                  </>
                ) : (
                  line
                )}
              </p>
            );
          })}
        </div>
      )}
    </Card>
  );
}
