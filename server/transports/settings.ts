// The channel settings page's data: per channel, the provider that carries it now, and per provider its
// health. Each provider contributes its own section (Twilio here; e-mail adds its own).
import { z } from "zod";
import { CHANNELS } from "@/server/calls/status";
import { providerFor } from "./index";
import { twilioStatus, twilioStatusSchema } from "./twilio/settings";

export const channelsStatusSchema = z.object({
  channels: z.array(z.object({ channel: z.enum(CHANNELS), provider: z.string() })),
  twilio: twilioStatusSchema,
});

export async function channelsStatus(): Promise<z.infer<typeof channelsStatusSchema>> {
  return {
    channels: CHANNELS.map((channel) => ({ channel, provider: providerFor(channel, {}) })),
    twilio: await twilioStatus(),
  };
}
