// The status actions staff may take from the live view (channel words live in ../channel-labels).
import type { Channel, Status } from "@/server/calls/status";
import { allowedNext } from "@/server/calls/status";

export type StatusAction = { to: Status; label: string; confirm?: string; tone: "primary" | "secondary" | "danger" };

// Only what a person decides. Engine-driven statuses (ringing, delivered, busy…) and the sweeper's
// "expired" are legal too, but are not something staff should click.
const ACTIONS: Partial<Record<Status, Omit<StatusAction, "to">>> = {
  resolved: { label: "Mark resolved", tone: "primary" },
  "on-hold": { label: "Put on hold", tone: "secondary" },
  "in-progress": { label: "Resume", tone: "primary" },
  completed: { label: "End interaction", tone: "secondary", confirm: "End this interaction now? The agent stops at once." },
  transferred: {
    label: "Transfer to a human",
    tone: "secondary",
    confirm: "Hand this call to a human? The AI agent leaves the conversation.",
  },
  canceled: {
    label: "Cancel interaction",
    tone: "danger",
    confirm: "Cancel this interaction? The agent stops and it cannot be restarted.",
  },
  failed: { label: "Mark as failed", tone: "danger", confirm: "Mark this interaction as failed? It ends at once." },
};

/** The actions legal from the current status (server/calls/status.ts), in a stable order. */
export function statusActions(channel: Channel, status: Status): StatusAction[] {
  const allowed = new Set(allowedNext(channel, status));
  return (Object.keys(ACTIONS) as Status[])
    .filter((to) => allowed.has(to) && !(to === "in-progress" && status !== "on-hold"))
    .map((to) => ({ to, ...(ACTIONS[to] as Omit<StatusAction, "to">) }));
}
