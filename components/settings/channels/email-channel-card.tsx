"use client";
// The e-mail channel on /settings/channels: SMTP and IMAP status, the inbound webhook URL to give
// Postmark or Mailgun, and "Send a test e-mail". Credentials stay in the environment and are never shown.
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { CopyButton } from "@/components/settings/copy-button";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/page-header";
import { ErrorNotice, LoadingBlock } from "@/components/ui/states";
import { apiClient } from "@/lib/api-client";
import type { EmailChannel } from "@/server/transports/email/service";

type TestResult = { sent: boolean; messageId: string | null; error: string | null };

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1 text-sm">
      <dt className="text-slate-600">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </div>
  );
}

const state = (ok: boolean, yes: string, no: string) => (
  <span className={ok ? "font-medium text-emerald-700" : "text-slate-600"}>{ok ? yes : no}</span>
);

function TestEmailForm({ enabled }: { enabled: boolean }) {
  const [to, setTo] = useState("");
  const send = useMutation({
    mutationFn: (address: string) => apiClient.post<TestResult>("/api/v1/email/test", { to: address }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate(to);
  };
  return (
    <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-2">
      <label className="flex min-w-0 flex-1 flex-col text-sm">
        <span className="mb-1 text-slate-700">Send a test e-mail to</span>
        <input
          type="email"
          required
          value={to}
          onChange={(e) => setTo(e.target.value)}
          className="rounded-md border border-slate-300 px-2 py-1.5"
          placeholder="you@example.com"
        />
      </label>
      <Button type="submit" variant="secondary" disabled={!enabled || send.isPending}>
        {send.isPending ? "Sending…" : "Send a test e-mail"}
      </Button>
      <div role="status" aria-live="polite" className="w-full text-sm">
        {send.data?.sent && <p className="text-emerald-700">Sent ({send.data.messageId}). Check the inbox.</p>}
        {send.data && !send.data.sent && <p className="text-red-700">Not sent: {send.data.error}</p>}
        {send.isError && <p className="text-red-700">{send.error.message}</p>}
      </div>
    </form>
  );
}

export function EmailChannelCard() {
  const channel = useQuery({
    queryKey: ["email-channel"],
    queryFn: () => apiClient.get<EmailChannel>("/api/v1/email/channel"),
    refetchInterval: 10_000,
  });
  return (
    <Card title="E-mail">
      <div className="p-4">
        {channel.isPending ? (
          <LoadingBlock label="Loading the e-mail channel" />
        ) : channel.isError ? (
          <ErrorNotice title="The e-mail channel could not be loaded" error={channel.error} />
        ) : (
          <>
            <h3 className="text-sm font-semibold text-slate-900">Sending (SMTP)</h3>
            <dl>
              <Row label="Status">{state(channel.data.smtp.configured, "Configured", "Not configured: set SMTP_URL")}</Row>
              {channel.data.smtp.server && <Row label="Server">{channel.data.smtp.server}</Row>}
              <Row label="Default sender">
                {channel.data.smtp.defaultFrom ?? "None (EMAIL_FROM): agents need their own address"}
              </Row>
              <Row label="Replies per hour">{channel.data.maxRepliesPerHour} per thread at most</Row>
            </dl>
            <TestEmailForm enabled={channel.data.smtp.configured && channel.data.smtp.defaultFrom !== null} />

            <h3 className="mt-5 text-sm font-semibold text-slate-900">Receiving (IMAP)</h3>
            <dl>
              <Row label="Status">
                {channel.data.imap.configured
                  ? state(
                      channel.data.imap.connected,
                      "Connected",
                      channel.data.imap.running ? "Connecting…" : "Not running on this instance",
                    )
                  : state(false, "", "Not configured: set IMAP_URL")}
              </Row>
              {channel.data.imap.server && (
                <Row label="Mailbox">
                  {channel.data.imap.mailbox} on {channel.data.imap.server}
                </Row>
              )}
              {channel.data.imap.configured && (
                <Row label="Processed mail">
                  {channel.data.imap.processedFolder ? `moved to ${channel.data.imap.processedFolder}` : "marked as read"}
                </Row>
              )}
              {channel.data.imap.lastPoll && (
                <Row label="Last check">{new Date(channel.data.imap.lastPoll).toLocaleString()}</Row>
              )}
              {channel.data.imap.lastError && (
                <Row label="Last error">
                  <span className="text-red-700">{channel.data.imap.lastError}</span>
                </Row>
              )}
            </dl>

            <h3 className="mt-5 text-sm font-semibold text-slate-900">Receiving (inbound webhook)</h3>
            <div className="mt-1 flex items-center gap-2">
              <input
                readOnly
                aria-label="Inbound webhook URL"
                value={channel.data.inbound.url}
                className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-2 py-1.5 font-mono text-xs text-slate-800"
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={channel.data.inbound.url} label="Copy URL" />
            </div>
            <dl className="mt-1">
              <Row label="Postmark">
                {state(
                  channel.data.inbound.postmark,
                  "Accepted: add ?token=<EMAIL_INBOUND_SECRET>",
                  "Off: set EMAIL_INBOUND_SECRET",
                )}
              </Row>
              <Row label="Mailgun">
                {state(channel.data.inbound.mailgun, "Accepted (signed posts)", "Off: set MAILGUN_SIGNING_KEY")}
              </Row>
            </dl>
          </>
        )}
      </div>
    </Card>
  );
}
