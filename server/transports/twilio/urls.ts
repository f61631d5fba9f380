// The webhook URLs Twilio calls back on. They are built from PUBLIC_URL, the address Twilio reaches
// Callboard at, and the same base is used to verify each request's signature.
import { publicUrl } from "@/lib/env";

export const twilioUrls = {
  /** Inbound calls to a Twilio number (paste into the number's "A call comes in"). */
  inboundVoice: () => `${publicUrl()}/api/twilio/voice`,
  /** Inbound SMS and WhatsApp messages (the number's or sender's "A message comes in"). */
  inboundMessages: () => `${publicUrl()}/api/twilio/messages`,
  answer: (id: string) => `${publicUrl()}/api/twilio/voice/answer?i=${id}`,
  voiceStatus: (id: string) => `${publicUrl()}/api/twilio/voice/status?i=${id}`,
  recording: (id: string) => `${publicUrl()}/api/twilio/voice/recording?i=${id}`,
  turn: (id: string, after: number, extra = "") => `${publicUrl()}/api/twilio/voice/turn?i=${id}&after=${after}${extra}`,
  heard: (id: string, after: number, extra = "") => `${publicUrl()}/api/twilio/voice/heard?i=${id}&after=${after}${extra}`,
  messageStatus: (messageId: string) => `${publicUrl()}/api/twilio/messages/status?m=${messageId}`,
};
