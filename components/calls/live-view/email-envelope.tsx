"use client";
// An e-mail message's envelope in the timeline: subject, from and to, attachments, why it was not
// answered, and the original as received (headers and quoted history) behind a toggle, fetched on demand.
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { apiClient } from "@/lib/api-client";
import type { EmailEnvelope } from "@/server/calls/schema";

function Original({ callId, sid }: { callId: string; sid: string }) {
  const original = useQuery({
    queryKey: ["calls", callId, "messages", sid, "original"],
    queryFn: () => apiClient.text(`/api/v1/calls/${callId}/messages/${sid}/original`),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (original.isPending) return <p className="text-xs">Loading the original…</p>;
  if (original.isError) return <p className="text-xs">The original could not be loaded: {original.error.message}</p>;
  return (
    <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-900 p-2 font-mono text-[11px] text-slate-100">
      {original.data}
    </pre>
  );
}

const kb = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1_048_576 ? `${Math.round(bytes / 1024)} kB` : `${(bytes / 1_048_576).toFixed(1)} MB`;

export function EmailEnvelopeView({
  email,
  callId,
  sid,
  mine,
}: {
  email: EmailEnvelope;
  callId: string;
  sid: string;
  mine: boolean;
}) {
  const [open, setOpen] = useState(false);
  const panel = useId();
  const muted = mine ? "text-indigo-100" : "text-slate-600";
  return (
    <div data-testid="email-envelope" className={`mb-2 border-b pb-2 text-xs ${mine ? "border-white/30" : "border-slate-200"}`}>
      <p className="font-semibold">{email.subject || "(no subject)"}</p>
      <p className={muted}>
        <span className="sr-only">From </span>
        {email.from} → {email.to.join(", ")}
        {email.cc.length > 0 && ` (cc ${email.cc.join(", ")})`}
      </p>
      {email.notAnswered && (
        <p className="mt-1 rounded bg-amber-100 px-1.5 py-0.5 text-amber-950">Recorded, not answered: {email.notAnswered}</p>
      )}
      {email.attachments.length > 0 && (
        <ul className="mt-1 space-y-0.5">
          {email.attachments.map((a) => (
            <li key={`${a.filename}-${a.size}`}>
              {a.url ? (
                <a href={a.url} className="underline" download={a.filename}>
                  📎 {a.filename} ({kb(a.size)})
                </a>
              ) : (
                <span>
                  📎 {a.filename} ({kb(a.size)}): {a.note}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {email.hasOriginal && (
        <div className="mt-1">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={panel}
            onClick={() => setOpen((v) => !v)}
            className={`underline ${muted}`}
          >
            {open ? "Hide the original" : "Show the original"}
          </button>
          {open && (
            <div id={panel} className="mt-1">
              <Original callId={callId} sid={sid} />
            </div>
          )}
        </div>
      )}
    </div>
  );
}
