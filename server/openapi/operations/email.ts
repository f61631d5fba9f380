// E-mail: the inbound webhook providers post to, and the originals and attachments of inbound e-mails.
import {
  attachmentParamsSchema,
  emailChannelSchema,
  emailReceivedSchema,
  originalParamsSchema,
  testEmailResultSchema,
  testEmailSchema,
} from "@/server/transports/email/service";
import { NO_STORE } from "../types";
import type { Operation } from "../types";

export const emailOperations: Operation[] = [
  {
    method: "post",
    path: "/api/email/inbound",
    operationId: "receiveInboundEmail",
    summary: "Inbound e-mail (Postmark or Mailgun)",
    description:
      "Postmark's inbound JSON (`application/json`), authenticated by `?token=EMAIL_INBOUND_SECRET` in the webhook URL " +
      "(or as the Basic auth password), or Mailgun's routed form post (`multipart/form-data`), authenticated by its " +
      "HMAC `signature` with MAILGUN_SIGNING_KEY. A failed authentication answers 403 and stores nothing. The reply is " +
      "matched to its interaction by the plus-address token, then by In-Reply-To/References; a message with no match " +
      "starts an inbound interaction for the agent that owns the address. The same Message-ID is taken in once.",
    tag: "E-mail",
    auth: "public",
    responses: { 200: { description: "What became of the message.", body: emailReceivedSchema } },
    errors: [400, 403, 413, 415, 422],
  },
  {
    method: "get",
    path: "/api/v1/calls/{id}/messages/{sid}/original",
    operationId: "getEmailOriginal",
    summary: "An inbound e-mail as received",
    description:
      "The header block and the full text, quoted history and signature included (the message's content is the new text only).",
    tag: "E-mail",
    auth: "api",
    params: originalParamsSchema,
    responses: { 200: { description: "The original, as plain text.", contentType: "text/plain" } },
  },
  {
    method: "get",
    path: "/api/v1/attachments/{id}",
    operationId: "getEmailAttachment",
    summary: "An inbound e-mail's attachment",
    description: "A message's `mediaUrl` (and `email.attachments[].url`). Always served as a download.",
    tag: "E-mail",
    auth: "api",
    params: attachmentParamsSchema,
    responses: {
      200: { description: "The file.", contentType: "application/octet-stream", headers: ["Content-Disposition"] },
    },
  },
  {
    method: "get",
    path: "/api/v1/email/channel",
    operationId: "getEmailChannel",
    summary: "The e-mail channel's settings and status",
    description:
      "SMTP and IMAP (servers without credentials, the poller's connection and last error) and the inbound webhook URL. Admins only.",
    tag: "E-mail",
    auth: "admin",
    responses: { 200: { description: "The channel.", body: emailChannelSchema, headers: NO_STORE } },
  },
  {
    method: "post",
    path: "/api/v1/email/test",
    operationId: "sendTestEmail",
    summary: "Send a test e-mail",
    description: "Sends one e-mail from EMAIL_FROM through SMTP_URL now; `sent: false` carries the server's answer. Admins only.",
    tag: "E-mail",
    auth: "admin",
    body: testEmailSchema,
    responses: { 200: { description: "What the SMTP server said.", body: testEmailResultSchema } },
  },
];
