"use client";
// The outbound web chat's customer link (links.chat): send it to the customer by any means.
import { Card } from "@/components/ui/page-header";
import { CopyButton } from "@/components/settings/copy-button";
import type { Call } from "@/server/calls/schema";
import { isTerminal } from "@/server/calls/status";

export function ChatLink({ call }: { call: Call }) {
  if (!call.links.chat || isTerminal(call.status)) return null;
  return (
    <Card title="Customer chat link">
      <p className="mb-2 text-sm text-slate-700">Send this link to {call.customerName}; it opens the chat with the agent.</p>
      <div className="flex items-center gap-2">
        <input
          readOnly
          aria-label="Customer chat link"
          value={call.links.chat}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs text-slate-800"
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton value={call.links.chat} label="Copy link" />
      </div>
    </Card>
  );
}
