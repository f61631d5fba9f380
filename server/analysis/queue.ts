// Queues the post-call analysis inside the transaction that ends the interaction: the ended status
// and its pending analysis commit together, so no ended interaction is left without one.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { asSqlTx, type SqlTx } from "@/lib/sql";
import { ANALYZE_JOB } from "@/server/conversations/queries";
import type { Analysis } from "./schema";

/** The stored analysis (`simulated` is added from the interaction when it is served). */
export type StoredAnalysis = Omit<Analysis, "simulated">;

export const PENDING_ANALYSIS: StoredAnalysis = {
  status: "pending",
  method: null,
  summary: null,
  sentiment: null,
  successful: null,
  successReason: null,
  extracted: {},
  inVoicemail: null,
  error: null,
  analyzedAt: null,
  correctedBy: null,
  correctedAt: null,
};

export async function queueAnalysis(tx: Tx | SqlTx, interactionId: string) {
  const sql = asSqlTx(tx);
  const now = new Date();
  await sql.run(`UPDATE "Interaction" SET analysis = ?, "updatedAt" = ? WHERE id = ?`, [
    JSON.stringify(PENDING_ANALYSIS),
    now,
    interactionId,
  ]);
  await sql.run(
    `INSERT INTO "Job" (id, "interactionId", kind, state, step, "runAt", attempts, "createdAt", "updatedAt")
     VALUES (?, ?, ?, 'pending', 0, ?, 0, ?, ?)`,
    [randomUUID(), interactionId, ANALYZE_JOB, now, now, now],
  );
}
