"use client";
// A destructive action behind a confirmation. The native modal <dialog> traps focus, closes on
// Escape and returns focus to the button that opened it.
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

type Props = {
  /** The button's visible text, e.g. "Revoke". */
  children: ReactNode;
  /** Accessible name when the visible text is ambiguous in a list, e.g. "Revoke CRM sync". */
  label?: string;
  title: string;
  message: ReactNode;
  confirmText: string;
  onConfirm: () => Promise<unknown>;
  disabled?: boolean;
};

export function ConfirmButton({ children, label, title, message, confirmText, onConfirm, disabled }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="danger" aria-label={label} onClick={() => setOpen(true)} disabled={disabled}>
        {children}
      </Button>
      <dialog
        ref={ref}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-message`}
        onClose={() => setOpen(false)}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-5 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <div id={`${id}-message`} className="mt-2 text-sm text-slate-700">
          {message}
        </div>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={busy} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" onClick={confirm} disabled={busy}>
            {busy ? "Working…" : confirmText}
          </Button>
        </div>
      </dialog>
    </>
  );
}
