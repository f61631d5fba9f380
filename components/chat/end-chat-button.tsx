"use client";
// "End chat": the customer closes the conversation, after saying so once (ending cannot be undone, and
// the button sits next to others on a small screen).
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { HeaderButton } from "./header-button";

export function EndChatButton({ onEnd, ending }: { onEnd: () => Promise<boolean>; ending: boolean }) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <HeaderButton onClick={() => setAsking(true)} disabled={ending}>
        End chat
      </HeaderButton>
      <ConfirmDialog
        open={asking}
        title="End this chat?"
        confirmLabel="End chat"
        cancelLabel="Keep chatting"
        busy={ending}
        onCancel={() => setAsking(false)}
        onConfirm={async () => {
          await onEnd();
          setAsking(false);
        }}
      >
        You will not be able to send more messages in this conversation.
      </ConfirmDialog>
    </>
  );
}
