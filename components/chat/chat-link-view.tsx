"use client";
// /chat/{token}: the conversation a customer opens from a chat link (links.chat). No sign-in, no
// dashboard: the token is the conversation's key. An expired or forged link is a page of its own.
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/states";
import { ChatUnavailable, ExpiredLink } from "./chat-unavailable";
import { ChatWindow } from "./chat-window";
import { EndChatButton } from "./end-chat-button";
import { languageTag } from "./lang";
import { useChat } from "./use-chat";
import { useDocumentLanguage } from "./use-document-language";

export function ChatLinkView({ token, browserLang }: { token: string; browserLang: string }) {
  const chat = useChat(token);
  const { conversation } = chat;
  const lang = languageTag(conversation?.language) ?? browserLang;
  useDocumentLanguage(lang, conversation ? `Chat with ${conversation.agent.name}` : undefined);

  let body: ReactNode;
  if (chat.phase === "gone") body = <ExpiredLink />;
  else if (chat.phase === "error") {
    body = (
      <ChatUnavailable
        title="The chat could not be loaded."
        action={
          <Button variant="secondary" onClick={chat.retryLoad}>
            Try again
          </Button>
        }
      >
        {chat.loadError instanceof Error ? chat.loadError.message : "Try again in a moment."}
      </ChatUnavailable>
    );
  } else if (!conversation) {
    body = (
      <div className="flex h-full items-center justify-center bg-white">
        <Spinner label="Opening the chat" />
      </div>
    );
  } else {
    body = (
      <ChatWindow
        agent={conversation.agent}
        lang={lang}
        messages={conversation.messages}
        pending={chat.pending}
        typing={chat.typing}
        closed={!conversation.open}
        connection={chat.connection}
        notice={chat.actionError}
        onSend={chat.send}
        actions={conversation.open ? <EndChatButton onEnd={chat.end} ending={chat.ending} /> : null}
        empty="No messages yet. Write below to start the conversation."
      />
    );
  }
  return (
    <main className="mx-auto flex h-dvh max-w-2xl flex-col sm:p-4">
      <div className="min-h-0 flex-1 overflow-hidden sm:rounded-lg sm:border sm:border-slate-200 sm:shadow-sm">{body}</div>
    </main>
  );
}
