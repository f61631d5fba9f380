// Chat links: a conversation token is the interaction id and an expiring HMAC of it (lib/signing.ts),
// so the chat page and its API need no session and no stored secret per conversation, and a forged or
// expired link is told apart from a real one without a database read.
import { env, publicUrl } from "@/lib/env";
import { signToken, verifyToken } from "@/lib/signing";

const PURPOSE = "chat";
/** Widget conversations live in the visitor's browser; they stay valid for a month of page views. */
export const WIDGET_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

export async function chatToken(interactionId: string, ttlSeconds = env.CHAT_LINK_TTL_SECONDS): Promise<string> {
  return `${interactionId}.${await signToken(PURPOSE, interactionId, ttlSeconds)}`;
}

export async function chatUrl(interactionId: string): Promise<string> {
  return `${publicUrl()}/chat/${await chatToken(interactionId)}`;
}

/** The interaction a token opens, or why it does not. */
export async function readChatToken(token: string): Promise<{ id: string } | { problem: "expired" | "invalid" }> {
  const dot = token.indexOf(".");
  if (dot < 1 || token.length > 200) return { problem: "invalid" };
  const id = token.slice(0, dot);
  const verdict = await verifyToken(PURPOSE, id, token.slice(dot + 1));
  return verdict === "ok" ? { id } : { problem: verdict };
}
