// Which provider runs an interaction. The simulator is the default for every channel; real providers
// (Twilio, SMTP, web chat) plug in here by channel when they are configured.
import { simulatorProvider } from "@/server/channels/simulator/provider";
import type { ChannelProvider } from "@/server/channels/types";

export function providerFor(name: string): ChannelProvider {
  if (name === simulatorProvider.name) return simulatorProvider;
  throw new Error(`unknown provider ${name}`);
}
