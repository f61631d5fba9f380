// The key action requests are signed with: one per agent, derived from the app secret (lib/signing.ts)
// rather than stored, so there is nothing to generate, leak from the database or migrate. It is a
// Standard Webhooks `whsec_` secret, so receivers verify action requests exactly as webhook deliveries.
// It changes only when APP_SECRET does (or, without it, when the stored app secret is replaced).
import { createHmac } from "node:crypto";
import { appSecret } from "@/lib/signing";
import { SECRET_PREFIX } from "@/server/webhooks/signing";

export async function agentActionSecret(agentId: string): Promise<string> {
  const key = createHmac("sha256", await appSecret())
    .update(`action:${agentId}`)
    .digest();
  return `${SECRET_PREFIX}${key.toString("base64")}`;
}
