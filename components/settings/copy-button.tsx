"use client";
// Copies a value to the clipboard and says so (politely, for screen readers too).
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** `label` names what is copied for screen readers ("Copy password"); the visible text stays "Copy". */
export function CopyButton({ value, label }: { value: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      // No clipboard permission (or an insecure origin): the value stays visible to select by hand.
      setState("failed");
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" onClick={copy} aria-label={label}>
        Copy
      </Button>
      <span aria-live="polite" className="text-xs text-slate-600">
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed: select the text and copy it" : ""}
      </span>
    </span>
  );
}
