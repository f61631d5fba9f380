"use client";
// /settings/channels: which provider carries each channel, whether Twilio's credentials work, the
// URLs to paste into the Twilio console, and test actions. Providers that are not configured say how
// to turn them on.
import { useChannelsQuery } from "@/components/queries/channels";
import { CopyButton } from "@/components/settings/copy-button";
import { Card, PageHeader } from "@/components/ui/page-header";
import { ErrorNotice, LoadingBlock } from "@/components/ui/states";
import { EmailChannelCard } from "./email-channel-card";
import { TwilioTestForm } from "./twilio-test-form";

const CHANNEL_LABEL: Record<string, string> = {
  call: "Voice",
  sms: "SMS",
  whatsapp: "WhatsApp",
  email: "E-mail",
  webchat: "Web chat",
};
const PROVIDER_LABEL: Record<string, string> = {
  twilio: "Twilio",
  simulator: "Simulator",
  webchat: "Callboard web chat",
  email: "SMTP",
};

function UrlRow({ label, url }: { label: string; url: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2 py-1">
      <span className="w-56 text-sm text-slate-700">{label}</span>
      <code className="rounded bg-slate-100 px-2 py-1 text-xs text-slate-800">{url}</code>
      <CopyButton value={url} label={`Copy ${label}`} />
    </div>
  );
}

export function ChannelsPanel({ isAdmin }: { isAdmin: boolean }) {
  const status = useChannelsQuery();
  return (
    <>
      <PageHeader title="Channels" description="Who carries each channel, and whether it is set up right." />
      {status.isLoading && <LoadingBlock label="Checking providers" />}
      {status.isError && <ErrorNotice error={status.error} title="Could not load the channels" />}
      {status.data && (
        <div className="space-y-6">
          <Card title="Providers">
            <ul className="grid gap-2 p-4 sm:grid-cols-5">
              {status.data.channels.map((c) => (
                <li key={c.channel} className="rounded border border-slate-200 p-3">
                  <p className="text-sm font-medium text-slate-900">{CHANNEL_LABEL[c.channel] ?? c.channel}</p>
                  <p className="text-sm text-slate-600">{PROVIDER_LABEL[c.provider] ?? c.provider}</p>
                </li>
              ))}
            </ul>
          </Card>
          <Card title="Twilio: voice, SMS and WhatsApp">
            <div className="space-y-4 p-4 text-sm">
              {status.data.twilio.configured ? (
                <p>
                  <span
                    className={`mr-2 rounded px-2 py-0.5 text-xs font-medium ${
                      status.data.twilio.credentials === "ok" ? "bg-emerald-100 text-emerald-900" : "bg-red-100 text-red-900"
                    }`}
                  >
                    {status.data.twilio.credentials === "ok" ? "Credentials work" : "Credentials failed"}
                  </span>
                  Account {status.data.twilio.accountSid}
                  {status.data.twilio.accountName ? ` (${status.data.twilio.accountName})` : ""}. {status.data.twilio.detail}
                </p>
              ) : (
                <p className="text-slate-700">
                  Not configured: voice, SMS and WhatsApp run on the simulator. Set <code>TWILIO_ACCOUNT_SID</code> and{" "}
                  <code>TWILIO_AUTH_TOKEN</code> (see the README's "Connect Twilio") and restart.
                </p>
              )}
              <div>
                <p className="mb-1 font-medium text-slate-900">Paste into the Twilio console (your number's configuration)</p>
                <UrlRow label="A call comes in (POST)" url={status.data.twilio.inboundUrls.voice} />
                <UrlRow label="A message comes in (POST)" url={status.data.twilio.inboundUrls.messages} />
              </div>
              {status.data.twilio.configured && isAdmin && <TwilioTestForm />}
            </div>
          </Card>
          {isAdmin && <EmailChannelCard />}
        </div>
      )}
    </>
  );
}
