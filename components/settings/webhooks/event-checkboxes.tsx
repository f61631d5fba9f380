"use client";
// The events an endpoint subscribes to, as a labelled group of checkboxes; none ticked means all.
import { useId } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { EVENT_TYPES } from "@/server/webhooks/schema";

export const EVENT_DESCRIPTIONS: Record<(typeof EVENT_TYPES)[number], string> = {
  "call.created": "an interaction is created",
  "call.status_changed": "its status changes",
  "call.message": "a message is sent or received",
  "call.ended": "it ends, with the final call object",
  "call.analyzed": "its post-call analysis is ready, with the call object",
  "batch.progress": "a batch campaign progresses (at most once a second)",
  "batch.completed": "a batch campaign's last task has finished",
};

export function EventCheckboxes({ registration, error }: { registration: UseFormRegisterReturn; error?: string }) {
  const id = useId();
  return (
    <fieldset aria-describedby={error ? `${id}-error` : `${id}-hint`} aria-invalid={error ? true : undefined}>
      <legend className="mb-1 block text-sm font-medium text-slate-800">Events</legend>
      <div className="grid gap-1.5 sm:grid-cols-2">
        {EVENT_TYPES.map((type) => (
          <label key={type} className="flex items-start gap-2 text-sm text-slate-800">
            <input type="checkbox" value={type} className="mt-0.5 size-4 accent-indigo-600" {...registration} />
            <span>
              <code className="font-mono">{type}</code> <span className="text-slate-600">— {EVENT_DESCRIPTIONS[type]}</span>
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          Tick none to receive every event, including ones added later.
        </p>
      )}
    </fieldset>
  );
}

/** "All events", or the subscribed ones. */
export function eventsLabel(events: readonly string[]): string {
  return events.length === EVENT_TYPES.length ? "All events" : events.join(", ");
}
