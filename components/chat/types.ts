// The public chat API's shapes (/api/chat/**), as the customer's browser sees them. The customer's side
// has no staff data: the agent's name and picture, the messages, and whether the conversation is open.

export type ChatSender = "agent" | "customer" | "staff";

export type ChatMessage = {
  id: string;
  sender: ChatSender;
  /** The staff member's name on staff messages; null otherwise. */
  senderName: string | null;
  content: string;
  /** ISO time. */
  timestamp: string;
};

export type ChatAgent = { name: string; imageURL: string | null };

export type ChatConversation = {
  id: string;
  status: string;
  open: boolean;
  agent: ChatAgent;
  customerName: string;
  messages: ChatMessage[];
  /** The agent is writing a reply right now. */
  typing: boolean;
  /** The conversation's language, when the API says (BCP 47). */
  language?: string;
};

/** GET /api/chat/widget: what the widget shows before the first message. */
export type WidgetInfo = { agent: ChatAgent; greeting: string; language: string };

export type ChatCustomer = { name?: string; email?: string; phone?: string };

export type StartChatBody = {
  agentId: string;
  skillId: string;
  content: string;
  customer?: ChatCustomer;
  customerHash?: string;
  language?: string;
};

/** The API's limit on one message. */
export const MAX_MESSAGE_LENGTH = 4000;
