// The contract between the conversation engine and a real channel provider (Twilio, SMTP). The engine
// decides what is said and records it; a transport only carries it. Every method here does network I/O,
// so the engine calls them outside any transaction, under a job lease (server/conversations/deliver.ts).
import type { SqlTx } from "@/lib/sql";
import type { EmailEnvelope } from "@/server/calls/schema";
import type { Channel } from "@/server/calls/status";

/** What a transport needs to know about the interaction it carries. */
export type Carried = {
  id: string;
  channel: Channel;
  direction: string;
  externalId: string | null;
  customerPhone: string | null;
  customerEmail: string | null;
  customerName: string;
  agentPhone: string | null;
  agentEmail: string | null;
  agentId: string;
  skillId: string;
};

/** One line to the customer: the agent's or a staff member's. */
export type Outgoing = {
  id: string;
  seq: number;
  sid: string;
  sender: string;
  senderName: string | null;
  content: string;
  /** True for the first line the customer receives (WhatsApp's template rule, e-mail subjects). */
  first: boolean;
};

export type Sent = {
  externalId: string;
  status?: string;
  /** E-mail: what was sent (subject, addresses, threading ids), stored on the message for the timeline. */
  email?: EmailEnvelope;
};

/**
 * The provider refused the message for good (invalid number, WhatsApp's 24-hour rule): retrying will not
 * help. `status` is the message's and interaction's outcome, `code` the provider's error code.
 */
export class DeliveryRefused extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly status: "failed" | "undelivered" = "failed",
  ) {
    super(message);
  }
}

/** A new outbound interaction, as Create Call is about to record it. */
export type NewInteraction = {
  channel: Channel;
  agentId: string;
  skillId: string;
  agentPhone: string | null;
  agentEmail: string | null;
  customerPhone: string | null;
  customerEmail: string | null;
};

export interface Transport {
  /** The interaction's `provider` value. */
  readonly name: string;
  /** Whether it carries this channel now (configured, and the channel is one of its own). */
  carries(channel: Channel): boolean;
  /**
   * Create Call's checks for what this provider cannot do (no caller ID, WhatsApp's 24-hour rule): a
   * field error (422) before anything is recorded, instead of an interaction that fails later.
   */
  check?(tx: SqlTx, call: NewInteraction): Promise<void>;
  /**
   * Opens an outbound interaction whose first step is not a message: voice places the call here.
   * Null for a channel with nothing to open (messaging: its opening line is delivered like any other).
   */
  open?(call: Carried): Promise<{ externalId: string } | null>;
  /** Sends one line; voice transports speak their lines in their own turn loop and leave it out. */
  send?(call: Carried, message: Outgoing): Promise<Sent>;
  /** Ends the interaction at the provider (hang up a call); best effort. */
  close?(call: Carried, how: "completed" | "canceled"): Promise<void>;
  /** Connects a live call to a person at `number`. */
  transfer?(call: Carried, number: string, language: string): Promise<void>;
}
