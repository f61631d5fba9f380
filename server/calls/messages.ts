// The one way a message row is written: Create Call's first message, the simulator's lines and engine
// v2's turns all insert through here, in plain SQL (lib/sql.ts), inside their caller's transaction.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { asSqlTx, type SqlTx } from "@/lib/sql";

export type NewMessageRow = {
  interactionId: string;
  seq: number;
  sid: string;
  sender: string;
  content: string;
  status: string;
  senderName?: string | null;
  internal?: boolean;
  mediaUrl?: string | null;
  externalId?: string | null;
  email?: string | null;
  original?: string | null;
  promptTokens?: number | null;
  completionTokens?: number | null;
  timestamp?: Date;
};

/** Inserts the message and answers its full row, as the serializer (serialize.ts) reads it. */
export async function insertMessage(tx: Tx | SqlTx, m: NewMessageRow) {
  const row = {
    id: randomUUID(),
    interactionId: m.interactionId,
    seq: m.seq,
    sid: m.sid,
    sender: m.sender,
    senderName: m.senderName ?? null,
    internal: m.internal ?? false,
    content: m.content,
    mediaUrl: m.mediaUrl ?? null,
    status: m.status,
    externalId: m.externalId ?? null,
    error: null,
    email: m.email ?? null,
    original: m.original ?? null,
    promptTokens: m.promptTokens ?? null,
    completionTokens: m.completionTokens ?? null,
    timestamp: m.timestamp ?? new Date(),
  };
  await asSqlTx(tx).run(
    `INSERT INTO "Message" (id, "interactionId", seq, sid, sender, "senderName", internal, content, "mediaUrl", status,
       "externalId", error, email, original, "promptTokens", "completionTokens", timestamp)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      row.id,
      row.interactionId,
      row.seq,
      row.sid,
      row.sender,
      row.senderName,
      row.internal,
      row.content,
      row.mediaUrl,
      row.status,
      row.externalId,
      row.error,
      row.email,
      row.original,
      row.promptTokens,
      row.completionTokens,
      row.timestamp,
    ],
  );
  return row;
}
