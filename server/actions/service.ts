// Agent action rules: names are unique per agent, an agent has at most MAX_ACTIONS_PER_AGENT, and
// a URL must pass the webhooks' SSRF rule before it is stored (it is checked again at every call).
import { isUniqueViolation } from "@/lib/db";
import { ApiError, fieldError, notFound } from "@/lib/errors";
import { toIso } from "@/lib/time";
import { webhookUrlProblem } from "@/server/webhooks/ssrf";
import * as q from "./queries";
import { type ActionDto, type CreateActionInput, MAX_ACTIONS_PER_AGENT, type UpdateActionInput } from "./schema";
import { agentActionSecret } from "./secret";

export function toAction(row: q.ActionRow): ActionDto {
  return {
    ...row,
    parameters: JSON.parse(row.parameters) as Record<string, unknown>,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}

const nameTaken = (name: string) =>
  new ApiError("conflict", `This agent already has an action named ${name}. Choose another name, or edit that action.`, {
    details: [{ path: "name", message: "Another action of this agent has this name." }],
  });

async function requireAgent(agentId: string) {
  if (!(await q.agentExists(agentId))) throw notFound("Agent");
}

async function loadAction(agentId: string, id: string) {
  await requireAgent(agentId);
  const row = await q.findAction(agentId, id);
  if (!row) throw notFound("Action");
  return row;
}

async function checkUrl(url: string) {
  const problem = await webhookUrlProblem(url, "action");
  if (problem) throw fieldError("url", problem);
}

/** A duplicate name surfaces as the unique constraint on (agentId, name), which also holds under races. */
async function uniqueName<T>(name: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (name !== undefined && isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

export async function listActions(agentId: string) {
  await requireAgent(agentId);
  return (await q.listActions(agentId)).map(toAction);
}

export async function getAction(agentId: string, id: string) {
  return toAction(await loadAction(agentId, id));
}

export async function createAction(agentId: string, input: CreateActionInput) {
  await requireAgent(agentId);
  await checkUrl(input.url);
  const row = await uniqueName(input.name, () =>
    q.createActionWithin(MAX_ACTIONS_PER_AGENT, agentId, { ...input, parameters: JSON.stringify(input.parameters) }),
  );
  if (!row) {
    throw new ApiError(
      "conflict",
      `This agent already has ${MAX_ACTIONS_PER_AGENT} actions, the most an agent may have. Delete one it no longer needs first.`,
    );
  }
  return toAction(row);
}

export async function updateAction(agentId: string, id: string, input: UpdateActionInput) {
  await loadAction(agentId, id);
  if (input.url) await checkUrl(input.url);
  const { parameters, ...rest } = input;
  const row = await uniqueName(input.name, () =>
    q.updateAction(id, { ...rest, ...(parameters && { parameters: JSON.stringify(parameters) }) }),
  );
  return toAction(row);
}

export async function deleteAction(agentId: string, id: string) {
  await loadAction(agentId, id);
  const { count } = await q.deleteAction(agentId, id);
  if (count === 0) throw notFound("Action");
}

/** The signing secret of an agent's action requests (shown to admins, never in the action objects). */
export async function getActionSecret(agentId: string) {
  await requireAgent(agentId);
  return { secret: await agentActionSecret(agentId) };
}
