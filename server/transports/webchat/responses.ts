// The wrapped answers of the chat API, for the handlers' documentation (OpenAPI).
import { z } from "zod";
import { chatConversationSchema, chatMessageOutSchema } from "@/server/conversations/schema";

export const chatResponseSchemas = {
  conversation: z.object({ conversation: chatConversationSchema }),
  message: z.object({ message: chatMessageOutSchema }),
  started: z.object({ token: z.string(), conversation: chatConversationSchema }),
};
