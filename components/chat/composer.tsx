"use client";
// The customer's text box. Enter sends and Shift+Enter starts a new line (the convention of every chat;
// Enter that confirms an input method's composition is left alone). The text is cleared as soon as it
// is sent and given back if sending failed, unless the customer has started typing something else.
// Near the limit a counter says how much is left; the box never takes more than the API accepts.
import { type Ref, useId, useState } from "react";
import { MAX_MESSAGE_LENGTH } from "./types";

const SHOW_COUNTER_FROM = MAX_MESSAGE_LENGTH - 500;

export function Composer({
  onSend,
  closed,
  disabled = false,
  inputRef,
}: {
  /** Answers whether the message was taken. */
  onSend: (text: string) => Promise<boolean>;
  /** The conversation is over: nothing more can be written. */
  closed: boolean;
  /** Sending is held for a moment (the conversation is starting); typing goes on. */
  disabled?: boolean;
  inputRef?: Ref<HTMLTextAreaElement>;
}) {
  const [text, setText] = useState("");
  const id = useId();
  const remaining = MAX_MESSAGE_LENGTH - text.length;
  const canSend = !closed && !disabled && text.trim().length > 0;

  const submit = async () => {
    if (!canSend) return;
    const sent = text.trim();
    setText("");
    const ok = await onSend(sent);
    if (!ok) setText((now) => (now === "" ? sent : now));
  };

  return (
    <form
      className="border-t border-slate-200 bg-white px-3 py-3 sm:px-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {closed && (
        <p
          role="status"
          tabIndex={-1}
          id={`${id}-ended`}
          data-testid="chat-ended"
          className="mb-2 text-center text-sm font-medium text-slate-700 focus:outline-none"
        >
          This conversation has ended.
        </p>
      )}
      <div className="flex items-end gap-2">
        <label htmlFor={id} className="sr-only">
          Message
        </label>
        <textarea
          id={id}
          ref={inputRef}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
            event.preventDefault();
            void submit();
          }}
          rows={1}
          maxLength={MAX_MESSAGE_LENGTH}
          placeholder={closed ? undefined : "Write a message…"}
          aria-describedby={closed ? `${id}-ended` : `${id}-hint${remaining <= 500 ? ` ${id}-count` : ""}`}
          disabled={closed}
          className="max-h-40 min-h-10 flex-1 resize-none rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 [field-sizing:content] placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 disabled:bg-slate-100"
        />
        <button
          type="submit"
          disabled={!canSend}
          className="inline-flex min-h-10 items-center justify-center rounded-md bg-[var(--chat-accent,#4f46e5)] px-4 text-sm font-medium text-[var(--chat-on-accent,#fff)] hover:brightness-110 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-60"
        >
          Send
        </button>
      </div>
      <p id={`${id}-hint`} className="sr-only">
        Enter sends. Shift+Enter starts a new line.
      </p>
      {!closed && text.length >= SHOW_COUNTER_FROM && (
        <p
          id={`${id}-count`}
          data-testid="chat-counter"
          className={`mt-1 text-right text-xs ${remaining === 0 ? "font-medium text-red-700" : "text-slate-600"}`}
        >
          {remaining === 0
            ? `That is the most one message can hold (${MAX_MESSAGE_LENGTH.toLocaleString("en")} characters).`
            : `${remaining.toLocaleString("en")} ${remaining === 1 ? "character" : "characters"} left`}
        </p>
      )}
    </form>
  );
}
