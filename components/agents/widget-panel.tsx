"use client";
// The agent's web chat widget for admins: the snippet to paste into a site (per skill) and the secret
// a site's server uses to vouch for a signed-in visitor (data-customer-hash). Staff who are not admins
// do not see it: the API answers them 403 and the panel stays away.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { CopyButton } from "@/components/settings/copy-button";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/page-header";
import { apiClient } from "@/lib/api-client";

type WidgetSettings = { secret: string; snippets: { skillId: string; skillName: string; html: string }[] };

export function WidgetPanel({ agentId }: { agentId: string }) {
  const widget = useQuery({
    queryKey: ["agents", agentId, "widget"],
    queryFn: () => apiClient.get<WidgetSettings>(`/api/v1/agents/${agentId}/widget`),
    retry: false,
  });
  const [showSecret, setShowSecret] = useState(false);
  if (!widget.data) return null;
  return (
    <Card title="Web chat widget">
      <p className="mb-3 text-sm text-slate-600">
        Paste a snippet before <code>&lt;/body&gt;</code> on your site. Visitors' chats appear as inbound interactions.
      </p>
      {widget.data.snippets.length === 0 && <p className="text-sm text-slate-600">Assign a skill to get a snippet.</p>}
      <ul className="space-y-3">
        {widget.data.snippets.map((s) => (
          <li key={s.skillId}>
            <p className="mb-1 text-xs font-semibold text-slate-700">{s.skillName}</p>
            <div className="flex items-start gap-2">
              <code className="min-w-0 flex-1 break-all rounded bg-slate-100 px-2 py-1.5 text-xs text-slate-800">{s.html}</code>
              <CopyButton value={s.html} label={`Copy the ${s.skillName} snippet`} />
            </div>
          </li>
        ))}
      </ul>
      <div className="mt-4 border-t border-slate-200 pt-3 text-sm text-slate-700">
        <p>
          To link chats to known customers, add <code>data-customer-email</code> and <code>data-customer-hash</code>: the hex
          HMAC-SHA256 of the lower-cased e-mail with this secret, computed on your server.
        </p>
        {showSecret ? (
          <div className="mt-2 flex items-center gap-2">
            <code className="break-all rounded bg-slate-100 px-2 py-1 text-xs">{widget.data.secret}</code>
            <CopyButton value={widget.data.secret} label="Copy the widget secret" />
          </div>
        ) : (
          <Button variant="secondary" className="mt-2" onClick={() => setShowSecret(true)}>
            Show identity secret
          </Button>
        )}
      </div>
    </Card>
  );
}
