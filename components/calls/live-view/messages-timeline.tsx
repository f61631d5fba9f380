// Every message of the interaction as chat bubbles: the agent and staff on the right, the customer on
// the left, system notes and tool calls centred (those are internal: the customer never sees them).
// A log region, so screen readers announce new messages as they arrive.
import { formatTime } from "@/lib/format";
import type { Call } from "@/server/calls/schema";
import { EmailEnvelopeView } from "./email-envelope";

type Message = Call["messages"][number];

const SENDER_LABEL: Record<Message["sender"], string> = {
  agent: "Agent",
  customer: "Customer",
  staff: "Staff",
  system: "System",
  tool: "Tool call",
};

function author(message: Message, agentName: string, customerName: string): string {
  if (message.sender === "agent") return agentName;
  if (message.sender === "customer") return customerName;
  if (message.sender === "staff") return message.senderName || "Staff";
  return SENDER_LABEL[message.sender];
}

function Bubble({
  message,
  agentName,
  customerName,
  callId,
}: {
  message: Message;
  agentName: string;
  customerName: string;
  callId: string;
}) {
  const mine = message.sender === "agent" || message.sender === "staff";
  const system = message.sender === "system" || message.sender === "tool";
  const who = author(message, agentName, customerName);
  return (
    <li
      data-testid="message"
      data-sender={message.sender}
      className={`flex ${system ? "justify-center" : mine ? "justify-end" : "justify-start"}`}
    >
      <article
        aria-label={`${SENDER_LABEL[message.sender]} message at ${formatTime(message.timestamp)}`}
        className={`max-w-[85%] rounded-2xl px-3.5 py-2.5 text-sm shadow-xs sm:max-w-[75%] ${
          system
            ? `bg-slate-100 text-slate-700 ${message.sender === "tool" ? "font-mono text-xs" : ""}`
            : message.sender === "staff"
              ? "rounded-br-sm bg-emerald-700 text-white"
              : mine
                ? "rounded-br-sm bg-indigo-600 text-white"
                : "rounded-bl-sm border border-slate-200 bg-white text-slate-900"
        }`}
      >
        <header className={`mb-1 flex flex-wrap items-baseline gap-x-2 text-xs ${mine ? "text-indigo-100" : "text-slate-600"}`}>
          <span className="font-semibold">
            {who}
            {!system && <span className="font-normal"> · {SENDER_LABEL[message.sender]}</span>}
            {message.internal && <span className="font-normal"> · staff only</span>}
          </span>
          <time dateTime={message.timestamp}>{formatTime(message.timestamp)}</time>
        </header>
        {message.email && <EmailEnvelopeView email={message.email} callId={callId} sid={message.sid} mine={mine} />}
        <p className="whitespace-pre-wrap break-words">{message.content}</p>
        {message.mediaUrl && !message.email && (
          <a
            href={message.mediaUrl}
            target="_blank"
            rel="noreferrer noopener"
            className={`mt-1 block break-all text-xs underline ${mine ? "text-white" : "text-indigo-700"}`}
          >
            Attachment: {message.mediaUrl}
          </a>
        )}
        <p className={`mt-1 text-right text-[11px] ${mine ? "text-indigo-100" : "text-slate-500"}`}>
          <span className="sr-only">Delivery status: </span>
          {message.status}
          {message.externalId && (
            <span className="ml-1 font-mono" title="The provider's id for this message">
              · {message.externalId}
            </span>
          )}
        </p>
        {message.error && <p className="mt-1 text-xs font-medium text-red-700">Not delivered: {message.error}</p>}
      </article>
    </li>
  );
}

export function MessagesTimeline({ call, live }: { call: Call; live: boolean }) {
  return (
    <section aria-labelledby="messages-heading" className="rounded-lg border border-slate-200 bg-white shadow-xs">
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
        <h2 id="messages-heading" className="text-sm font-semibold text-slate-900">
          Messages
        </h2>
        <span className="text-xs text-slate-600">
          {call.messages.length} {call.messages.length === 1 ? "message" : "messages"}
        </span>
      </div>
      <div className="bg-slate-50/60 p-4">
        {call.messages.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-600">
            {live ? "No messages yet. They appear here as the conversation happens." : "This interaction has no messages."}
          </p>
        ) : (
          <div role="log" aria-label="Message timeline">
            <ol className="space-y-3">
              {call.messages.map((m) => (
                <Bubble key={m.sid} message={m} agentName={call.agent.name} customerName={call.customerName} callId={call.id} />
              ))}
            </ol>
          </div>
        )}
      </div>
    </section>
  );
}
