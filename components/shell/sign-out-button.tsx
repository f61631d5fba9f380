"use client";
import { useState } from "react";
import { apiClient } from "@/lib/api-client";

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        await apiClient.del("/api/v1/session").catch(() => {});
        window.location.assign("/sign-in");
      }}
      className="rounded-md px-3 py-2 text-sm font-medium text-slate-300 hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-indigo-400"
    >
      {busy ? "Signing out…" : "Sign out"}
    </button>
  );
}
