// SMTP carries the email channel when SMTP_URL is set. Each agent or staff line is one e-mail in the
// interaction's thread (./compose.ts), sent by the engine's deliver job outside any transaction; its
// Message-ID is the message's externalId. Replies come back through IMAP (./imap.ts) or an inbound
// webhook (app/api/email/inbound), both handed to ./receive.ts.
import { fieldError } from "@/lib/errors";
import { DeliveryRefused, type Carried, type Outgoing, type Transport } from "../types";
import { composeEmail, envelopeOf } from "./compose";
import { type Address, parseMailbox } from "./headers";
import { findThread } from "./queries";
import { defaultSender, mailer, refusedOrThrow, smtpConfigured } from "./smtp";

/** The address an agent writes from: its own, else EMAIL_FROM's. */
export function senderFor(agentEmail: string | null): Address | null {
  const own = agentEmail ? parseMailbox(agentEmail) : null;
  return own ?? defaultSender();
}

export const emailTransport: Transport = {
  name: "email",

  carries: (channel) => channel === "email" && smtpConfigured(),

  async check(_tx, call) {
    if (!call.customerEmail) throw fieldError("customerEmail", "An email interaction needs the customer's e-mail address.");
    if (!senderFor(call.agentEmail)) {
      throw fieldError("agentId", "The agent has no e-mail address to send from. Set the agent's email, or EMAIL_FROM.");
    }
  },

  async send(call: Carried, message: Outgoing) {
    const sender = senderFor(call.agentEmail);
    if (!sender) throw new DeliveryRefused("No sender address: set the agent's email, or EMAIL_FROM.", null, "failed");
    if (!call.customerEmail) throw new DeliveryRefused("The customer has no e-mail address.", null, "failed");
    const thread = await findThread(call.id, message.seq);
    if (!thread) throw new DeliveryRefused("The interaction no longer exists.", null, "failed");
    const mail = composeEmail(thread, message, sender, { address: call.customerEmail, name: call.customerName });
    try {
      await mailer().sendMail({
        from: mail.from,
        to: mail.to,
        replyTo: mail.replyTo,
        envelope: { from: mail.envelopeFrom, to: [mail.to.address] },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        ...(mail.inReplyTo && { inReplyTo: mail.inReplyTo, references: mail.references }),
        headers: mail.headers,
      });
    } catch (error) {
      refusedOrThrow(error);
    }
    return { externalId: mail.messageId, status: "sent", email: envelopeOf(mail, new Date()) };
  },
};
