// The voice recording: a player and a download link, once the call has one.
import { Card } from "@/components/ui/page-header";
import type { Call } from "@/server/calls/schema";

export function RecordingPanel({ call, live }: { call: Call; live: boolean }) {
  if (call.channel !== "call") return null;
  const url = call.recordingUrl;
  return (
    <Card title="Recording">
      {url ? (
        <div className="space-y-3">
          {/* biome-ignore lint/a11y/useMediaCaption: the transcript beside it is the text alternative */}
          <audio controls preload="metadata" src={url} className="w-full" aria-label="Call recording" />
          <a
            href={`${url}${url.includes("?") ? "&" : "?"}download=1`}
            download={`callboard-${call.id}.wav`}
            className="inline-flex items-center text-sm font-medium text-indigo-700 underline hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            Download recording
          </a>
        </div>
      ) : (
        <p className="text-sm text-slate-600">
          {live ? "The recording appears here when the call ends." : "This call has no recording."}
        </p>
      )}
    </Card>
  );
}
