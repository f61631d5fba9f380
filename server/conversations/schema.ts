// Inputs of the conversation endpoints: staff messages (take-over) and the customer's side of web chat.
import { z } from "zod";
import { email, language, line, phone, uuid } from "@/lib/validation";

export const MAX_MESSAGE_LENGTH = 4000;

/** A message as typed by a person: plain text, not blank, at most 4,000 characters. */
export const messageText = (label: string) =>
  z
    .string({ message: `${label} must be text.` })
    .max(MAX_MESSAGE_LENGTH, `${label} must be at most ${MAX_MESSAGE_LENGTH} characters.`)
    .refine((v) => v.trim().length > 0, `${label} must not be empty.`)
    .transform((v) => v.trim());

export const staffMessageSchema = z.strictObject({ content: messageText("content") });

export const chatMessageSchema = z.strictObject({ content: messageText("Your message") });

export const chatTokenParamsSchema = z.object({ token: z.string().min(1).max(200) });

export const widgetQuerySchema = z.object({ agentId: uuid("agentId"), skillId: uuid("skillId") });

export const chatStartSchema = z.strictObject({
  agentId: uuid("agentId"),
  skillId: uuid("skillId"),
  content: messageText("Your message"),
  customer: z
    .strictObject({
      name: line(200, "Your name").optional(),
      email: email().optional(),
      phone: phone().optional(),
    })
    .optional(),
  /** HMAC-SHA256 of customer.email with the agent's widget secret, computed by the host site's server. */
  customerHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, "customerHash must be 64 hexadecimal characters.")
    .optional(),
  language: language().optional(),
});
export type ChatStartInput = z.infer<typeof chatStartSchema>;

export const chatMessageOutSchema = z.object({
  id: z.string(),
  sender: z.enum(["agent", "customer", "staff"]),
  senderName: z.string().nullable(),
  content: z.string(),
  timestamp: z.string(),
});
export type ChatMessage = z.infer<typeof chatMessageOutSchema>;

export const chatConversationSchema = z.object({
  id: z.string(),
  status: z.string(),
  open: z.boolean(),
  agent: z.object({ name: z.string(), imageURL: z.string().nullable() }),
  customerName: z.string(),
  language: z.string(),
  messages: z.array(chatMessageOutSchema),
  typing: z.boolean(),
});
export type ChatConversation = z.infer<typeof chatConversationSchema>;

export const widgetConfigSchema = z.object({
  agent: z.object({ name: z.string(), imageURL: z.string().nullable() }),
  greeting: z.string(),
  language: z.string(),
});
