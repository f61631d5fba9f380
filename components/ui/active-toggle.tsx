"use client";
// Activate or deactivate a directory entry (agents, skills). Deactivating keeps history: past
// interactions keep it, new ones cannot use it.
import { useState } from "react";
import { ApiClientError } from "@/lib/api-client";
import { Button } from "./button";

export function ActiveToggle({
  what,
  name,
  active,
  onChange,
}: {
  what: string;
  name: string;
  active: boolean;
  onChange: (active: boolean) => Promise<unknown>;
}) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const toggle = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await onChange(!active);
      setMessage({ ok: true, text: active ? `Deactivated “${name}”.` : `Activated “${name}”.` });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof ApiClientError ? error.message : "That did not work. Try again." });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs">
      <p className="text-sm text-slate-700">
        {active
          ? `This ${what} is active: new interactions can use it.`
          : `This ${what} is inactive: new interactions cannot use it. Past interactions keep it.`}
      </p>
      <Button variant={active ? "danger" : "primary"} onClick={toggle} disabled={busy}>
        {busy ? "Saving…" : active ? `Deactivate ${what}` : `Activate ${what}`}
      </Button>
      <p role="status" className={`w-full text-sm ${message?.ok === false ? "text-red-700" : "text-emerald-800"} empty:hidden`}>
        {message?.text}
      </p>
    </div>
  );
}
