// How each channel is named on screen.
import type { Channel } from "@/server/calls/status";

export const CHANNEL_LABELS: Record<Channel, string> = {
  call: "Voice call",
  sms: "SMS",
  whatsapp: "WhatsApp",
  email: "E-mail",
  webchat: "Web chat",
};

export const channelLabel = (channel: string) => CHANNEL_LABELS[channel as Channel] ?? channel;
