// How each channel is named on screen. The one place for these words, so the list, filters, live view,
// create form, overview and customer pages can never drift apart.
import type { Channel } from "@/server/calls/status";

export const CHANNEL_LABELS: Record<Channel, string> = {
  call: "Voice call",
  sms: "SMS",
  whatsapp: "WhatsApp",
  email: "E-mail",
  webchat: "Web chat",
};

/** Falls back to the raw value so an unexpected channel from the API still shows something. */
export const channelLabel = (channel: string) => CHANNEL_LABELS[channel as Channel] ?? channel;
