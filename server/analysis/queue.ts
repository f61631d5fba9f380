// Queues the post-call analysis inside the transaction that ends the interaction: the ended status
// and its pending analysis commit together, so no ended interaction is left without one.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
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

export async function queueAnalysis(tx: Tx, interactionId: string) {
  await tx.interaction.update({ where: { id: interactionId }, data: { analysis: JSON.stringify(PENDING_ANALYSIS) } });
  await tx.job.create({ data: { id: randomUUID(), interactionId, kind: ANALYZE_JOB, runAt: new Date() } });
}
