"use client";
// A silent browser notification when a conversation starts needing a person (the agent handed off),
// for staff who allowed notifications. It listens to the all-calls feed only once they have; until then
// it offers the switch. Notifications are `silent`: a support floor does not want chimes.
import { useEffect, useState } from "react";

type Permission = NotificationPermission | "unsupported";

function currentPermission(): Permission {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}

export function HandoffNotifier() {
  const [permission, setPermission] = useState<Permission>("unsupported");
  useEffect(() => setPermission(currentPermission()), []);

  useEffect(() => {
    if (permission !== "granted") return;
    const told = new Set<string>();
    const source = new EventSource("/api/v1/events");
    source.addEventListener("call", (event) => {
      const call = JSON.parse((event as MessageEvent<string>).data) as {
        id: string;
        needsPerson?: boolean;
        customerName: string;
        endedAt: string | null;
      };
      if (!call.needsPerson || call.endedAt || told.has(call.id)) return;
      told.add(call.id);
      const note = new Notification("A conversation needs a person", {
        body: `${call.customerName} is waiting for a reply.`,
        silent: true,
        tag: `needs-person-${call.id}`,
      });
      note.onclick = () => {
        window.focus();
        window.location.assign(`/calls/${call.id}`);
      };
    });
    return () => source.close();
  }, [permission]);

  if (permission !== "default") return null;
  return (
    <button
      type="button"
      className="w-full rounded px-3 py-1.5 text-left text-xs text-slate-300 hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-indigo-400"
      onClick={async () => setPermission(await Notification.requestPermission())}
    >
      Notify me when a conversation needs a person
    </button>
  );
}
