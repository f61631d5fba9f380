// Interaction use cases: create (record + queue work in one transaction), read, list, update.
import { db, withUniqueRetry } from "@/lib/db";
import { ApiError, notFound } from "@/lib/errors";
import { findAgent } from "@/server/agents/queries";
import { findOrCreateCustomer } from "@/server/customers/queries";
import { enqueueSimulation } from "@/server/engine/jobs";
import { wakeWorker } from "@/server/engine/signal";
import { composeInteraction } from "./compose";
import * as q from "./queries";
import type { CreateCallInput, ListCallsQuery, UpdateCallInput } from "./schema";
import { toCall } from "./serialize";
import { transitionOrThrow } from "./transitions";

const invalid = (path: string, message: string) => new ApiError("validation_failed", message, { details: [{ path, message }] });

async function loadAgentAndSkill(agentId: string, skillId: string) {
  const agent = await findAgent(agentId);
  if (!agent) throw invalid("agentId", `No agent has the id ${agentId}. List agents with GET /api/v1/agents.`);
  if (!agent.active) throw invalid("agentId", `The agent ${agentId} is inactive. Activate it or pick another agent.`);
  const skill = agent.skills.find((s) => s.skill.id === skillId)?.skill;
  if (!skill) {
    const exists = await db.skill.findUnique({ where: { id: skillId }, select: { id: true } });
    throw invalid(
      "skillId",
      exists
        ? `The skill ${skillId} is not assigned to this agent. Assign it, or pick one of the agent's skills.`
        : `No skill has the id ${skillId}. List skills with GET /api/v1/skills.`,
    );
  }
  if (!skill.active) throw invalid("skillId", `The skill ${skillId} is inactive. Activate it or pick another skill.`);
  return agent;
}

export async function createCall(input: CreateCallInput) {
  const agent = await loadAgentAndSkill(input.agentId, input.skillId);
  const c = composeInteraction(agent, input);
  const id = await withUniqueRetry(() =>
    db.$transaction(async (tx) => {
      const customer = await findOrCreateCustomer(tx, c.customer);
      const row = await tx.interaction.create({
        data: {
          channel: input.channel,
          status: "queued",
          agentId: agent.id,
          skillId: input.skillId,
          customerId: customer.id,
          customerName: customer.name,
          customerPhone: c.customer.phone,
          customerEmail: c.customer.email,
          agentPhone: c.agent.phone,
          agentEmail: c.agent.email,
          effectiveAgent: JSON.stringify(c.agent),
          customFields: JSON.stringify(c.customFields),
          initialMessage: c.rendered.initialMessage,
          prompt: c.rendered.prompt,
          unresolvedVariables: JSON.stringify(c.unresolved),
          provider: "simulator",
          simulated: true,
          searchText: [customer.name, c.customer.phone, c.customer.email].filter(Boolean).join(" ").toLowerCase(),
          history: { create: { fromStatus: null, toStatus: "queued", actor: "api", reason: "created" } },
        },
        select: { id: true },
      });
      await enqueueSimulation(tx, row.id);
      return row.id;
    }),
  );
  wakeWorker();
  return getCall(id);
}

export async function getCall(id: string) {
  const row = await q.findCall(id);
  if (!row) throw notFound("Call");
  return toCall(row);
}

export async function listCalls(query: ListCallsQuery) {
  const { rows, total } = await q.listCalls(query);
  return { items: await Promise.all(rows.map(toCall)), total };
}

export async function updateCall(id: string, input: UpdateCallInput) {
  await db.$transaction(async (tx) => {
    const current = await tx.interaction.findUnique({ where: { id }, select: { id: true, status: true, channel: true } });
    if (!current) throw notFound("Call");
    if (input.agentId) {
      const agent = await findAgent(input.agentId, tx);
      if (!agent) throw invalid("agentId", `No agent has the id ${input.agentId}.`);
      if (!agent.active) throw invalid("agentId", `The agent ${input.agentId} is inactive.`);
    }
    if (input.status && input.status !== current.status) {
      await transitionOrThrow(tx, current, input.status, "api", "changed through the API");
    }
    if (input.agentId !== undefined || input.note !== undefined) {
      await tx.interaction.update({
        where: { id },
        data: { ...(input.agentId && { agentId: input.agentId }), ...(input.note !== undefined && { note: input.note }) },
      });
    }
  });
  wakeWorker();
  return getCall(id);
}
