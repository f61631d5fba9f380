// Submit and Cancel at the foot of a create/edit form. Cancel is a link back, so it never submits.
import { Button, ButtonLink } from "./button";

export function FormActions({ submitLabel, busy, cancelHref }: { submitLabel: string; busy: boolean; cancelHref: string }) {
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="submit" disabled={busy}>
        {busy ? "Saving…" : submitLabel}
      </Button>
      <ButtonLink href={cancelHref} variant="secondary">
        Cancel
      </ButtonLink>
    </div>
  );
}
