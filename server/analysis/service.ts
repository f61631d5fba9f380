// Post-call analysis use cases: the worker's `analyze` job (one run per ended interaction) and a staff
// correction. The model (or the rules) runs outside any transaction; the result, the list's filter
// columns and the call.analyzed event commit together, guarded by the job's lease.
import { db } from "@/lib/db";
import { ApiError, notFound } from "@/lib/errors";
import { writeTx } from "@/lib/sql";
import type { Principal } from "@/server/auth/authenticate";
import { llmConfigured } from "@/server/brain/llm";
import { isTerminal } from "@/server/calls/status";
import { findForWrite } from "@/server/conversations/queries";
import { publishCallEvent } from "@/server/events/bus";
import { advanceJob, type JobRow, LostLease, renewLease } from "@/server/engine/queries";
import { recordEvent } from "@/server/webhooks/outbox";
import { AnalysisFailed, analyseWithModel } from "./model";
import type { StoredAnalysis } from "./queue";
import { type AnalysisInput, type AnalysisResult, analyseByRules } from "./rules";
import { type Analysis, type CorrectAnalysisInput, parseAnalysisFields } from "./schema";
import { toAnalysis } from "./serialize";

const readForAnalysis = (id: string) =>
  db.interaction.findUnique({
    where: { id },
    select: {
      id: true,
      channel: true,
      status: true,
      direction: true,
      simulated: true,
      customerName: true,
      endReason: true,
      analysis: true,
      agent: { select: { llmModel: true } },
      skill: { select: { name: true, successCriteria: true, analysisFields: true } },
      messages: { select: { sender: true, content: true, internal: true }, orderBy: { seq: "asc" } },
    },
  });

type Outcome = { analysis: StoredAnalysis; result: AnalysisResult | null };

async function analyse(row: NonNullable<Awaited<ReturnType<typeof readForAnalysis>>>): Promise<Outcome> {
  const input: AnalysisInput = {
    channel: row.channel,
    status: row.status,
    direction: row.direction,
    simulated: row.simulated,
    customerName: row.customerName,
    skillName: row.skill.name,
    endReason: row.endReason,
    successCriteria: row.skill.successCriteria,
    fields: parseAnalysisFields(row.skill.analysisFields),
    messages: row.messages,
  };
  const base = { error: null, analyzedAt: new Date().toISOString(), correctedBy: null, correctedAt: null };
  if (!llmConfigured()) {
    const result = analyseByRules(input);
    return { analysis: { status: "done", method: "rules", ...result, ...base }, result };
  }
  try {
    const { result } = await analyseWithModel(input, row.agent.llmModel);
    return { analysis: { status: "done", method: "model", ...result, ...base }, result };
  } catch (error) {
    if (!(error instanceof AnalysisFailed)) throw error;
    return {
      analysis: {
        status: "failed",
        method: "model",
        summary: null,
        sentiment: null,
        successful: null,
        successReason: null,
        extracted: {},
        inVoicemail: null,
        ...base,
        error: error.message,
      },
      result: null,
    };
  }
}

/** The worker's `analyze` job. A failure of the model is recorded on the analysis, never retried forever. */
export async function runAnalysisJob(job: JobRow, workerId: string) {
  const row = await readForAnalysis(job.interactionId);
  const stored = row ? toAnalysis(row.analysis, row.simulated) : null;
  if (!row || !isTerminal(row.status) || stored?.status !== "pending") {
    await writeTx((tx) => advanceJob(tx, job, workerId, { state: "done" }));
    return;
  }
  const renew = setInterval(() => void renewLease(job, workerId).catch(() => {}), 5_000);
  let outcome: Outcome;
  try {
    outcome = await analyse(row);
  } finally {
    clearInterval(renew);
  }
  try {
    await writeTx(async (tx) => {
      await findForWrite(tx, job.interactionId);
      await advanceJob(tx, job, workerId, { state: "done" });
      const current = await tx.interaction.findUnique({ where: { id: job.interactionId }, select: { analysis: true } });
      // Corrected by staff meanwhile: the correction stands.
      if (toAnalysis(current?.analysis ?? null, false)?.status !== "pending") return;
      await tx.interaction.update({
        where: { id: job.interactionId },
        data: {
          analysis: JSON.stringify(outcome.analysis),
          sentiment: outcome.analysis.sentiment,
          successful: outcome.analysis.successful,
        },
      });
      await recordEvent(tx, "call.analyzed", job.interactionId);
    });
  } catch (error) {
    if (error instanceof LostLease) return;
    throw error;
  }
  publishCallEvent({ callId: job.interactionId, kind: "updated" });
}

const correctorOf = (auth: Principal): NonNullable<Analysis["correctedBy"]> =>
  auth.kind === "staff"
    ? { kind: "staff", id: auth.userId, name: auth.name || auth.email }
    : { kind: "api", id: auth.credentialId, name: auth.username };

/** PUT /calls/{id}/analysis: the corrected fields replace the analysis's; who and when are kept. */
export async function correctAnalysis(id: string, input: CorrectAnalysisInput, auth: Principal) {
  await writeTx(async (tx) => {
    const row = await tx.interaction.findUnique({ where: { id }, select: { id: true, analysis: true, simulated: true } });
    if (!row) throw notFound("Call");
    const current = toAnalysis(row.analysis, row.simulated);
    if (!current) throw new ApiError("conflict", "The interaction has not ended yet: there is no analysis to correct.");
    const { simulated: _simulated, ...kept } = current;
    const next: StoredAnalysis = {
      ...kept,
      status: "done",
      error: null,
      ...input,
      extracted: input.extracted ? { ...current.extracted, ...input.extracted } : current.extracted,
      correctedBy: correctorOf(auth),
      correctedAt: new Date().toISOString(),
    };
    await tx.interaction.update({
      where: { id },
      data: { analysis: JSON.stringify(next), sentiment: next.sentiment, successful: next.successful },
    });
  });
  publishCallEvent({ callId: id, kind: "updated" });
}
