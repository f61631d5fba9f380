// The foot of a small in-card form (attachments, a card's settings): its error, a Save button, and a
// "Saved." status once the last save went through.
import { Button } from "./button";
import { FormError } from "./form-error";

export function SaveRow({ label, error, busy, saved }: { label: string; error: string | null; busy: boolean; saved: boolean }) {
  return (
    <>
      <FormError message={error} className="mt-3" />
      <div className="mt-3 flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={busy}>
          {label}
        </Button>
        {saved && (
          <span role="status" className="text-sm text-green-800">
            Saved.
          </span>
        )}
      </div>
    </>
  );
}
