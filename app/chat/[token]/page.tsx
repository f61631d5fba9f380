// /chat/{token}: the customer's chat, opened from a chat link. Open without a session (proxy.ts), and
// never indexed: the token in the address is the key to the conversation.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { ChatLinkView } from "@/components/chat/chat-link-view";
import { preferredLanguage } from "@/components/chat/lang";

export const metadata: Metadata = { title: "Chat", robots: { index: false, follow: false } };

export default async function ChatPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const lang = preferredLanguage((await headers()).get("accept-language"));
  return <ChatLinkView token={token} browserLang={lang} />;
}
