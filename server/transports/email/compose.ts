// One outgoing e-mail of a thread, as a pure function of the thread and the line to send: who it is from
// (the agent's name at the agent's or the default address), where replies go (a plus-address carrying the
// thread's token), its subject, its own Message-ID and the In-Reply-To/References that thread it.
import type { EmailEnvelope } from "@/server/calls/schema";
import { type Address, domainOf, headerText, htmlOf, messageIdFor, plusAddress, referencesFor, replySubject } from "./headers";

export type ThreadState = {
  subject: string | null;
  threadToken: string | null;
  direction: string;
  agentName: string;
  /** Message-IDs already in the thread, oldest first (the customer's and ours). */
  ids: string[];
};

export type LineToSend = { sid: string; sender: string; senderName: string | null; content: string; first: boolean };

export type ComposedEmail = {
  from: Address;
  to: Address;
  replyTo: string;
  /** SMTP MAIL FROM: the plus-address too, so a bounce comes back tagged with its thread. */
  envelopeFrom: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  headers: Record<string, string>;
};

export function composeEmail(
  thread: ThreadState,
  line: LineToSend,
  sender: Address,
  customer: { address: string; name: string },
): ComposedEmail {
  const replyTo = thread.threadToken ? plusAddress(sender.address, thread.threadToken) : sender.address;
  const subject = thread.subject ?? "";
  // A staff member writes under their own name, from the agent's address, so the customer sees who answered.
  const name = line.sender === "staff" && line.senderName ? line.senderName : thread.agentName;
  const references = referencesFor(thread.ids);
  return {
    from: { name: headerText(name, 100), address: sender.address },
    to: { name: headerText(customer.name, 100), address: customer.address },
    replyTo,
    envelopeFrom: replyTo,
    // The opener of an outbound thread has the thread's subject; everything after it is a reply.
    subject: headerText(
      line.first && thread.direction === "outbound" && thread.ids.length === 0 ? subject : replySubject(subject),
      250,
    ),
    text: line.content,
    html: htmlOf(line.content),
    messageId: messageIdFor(line.sid, domainOf(sender.address)),
    inReplyTo: references.at(-1) ?? null,
    references,
    // RFC 3834: what the agent writes is machine-made, so well-behaved auto-responders do not answer it
    // (and another Callboard records it without replying). A person's reply carries no such mark.
    headers: line.sender === "agent" ? { "Auto-Submitted": thread.ids.length ? "auto-replied" : "auto-generated" } : {},
  };
}

const show = (a: Address) => (a.name ? `${a.name} <${a.address}>` : a.address);

/** What the timeline shows of a sent e-mail. */
export function envelopeOf(mail: ComposedEmail, date: Date): EmailEnvelope {
  return {
    subject: mail.subject,
    from: show(mail.from),
    to: [show(mail.to)],
    cc: [],
    date: date.toISOString(),
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    attachments: [],
    notAnswered: null,
    hasOriginal: false,
  };
}
