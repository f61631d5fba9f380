// Prisma access for agent actions. `parameters` is stored as JSON text; listEnabledActions hands the
// conversation engine the parsed object it passes to the model as the tool's schema.
import { db, lockInTx, TX_LOCKS } from "@/lib/db";
import { withWriteLock, writeTx } from "@/lib/sql";

export const actionSelect = {
  id: true,
  agentId: true,
  name: true,
  description: true,
  parameters: true,
  url: true,
  timeoutMs: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type ActionRow = NonNullable<Awaited<ReturnType<typeof findAction>>>;

/** What the engine needs to offer an action to the model and to call it. */
export type EnabledAction = {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  url: string;
  timeoutMs: number;
};

export const agentExists = async (agentId: string) => (await db.agent.count({ where: { id: agentId } })) > 0;

export const listActions = (agentId: string) =>
  db.agentAction.findMany({ where: { agentId }, select: actionSelect, orderBy: { name: "asc" } });

export const findAction = (agentId: string, id: string) =>
  db.agentAction.findFirst({ where: { id, agentId }, select: actionSelect });

export async function listEnabledActions(agentId: string): Promise<EnabledAction[]> {
  const rows = await db.agentAction.findMany({
    where: { agentId, enabled: true },
    select: { name: true, description: true, parameters: true, url: true, timeoutMs: true },
    orderBy: { name: "asc" },
  });
  return rows.map((row) => ({ ...row, parameters: JSON.parse(row.parameters) as Record<string, unknown> }));
}

type ActionData = { name: string; description: string; parameters: string; url: string; timeoutMs: number; enabled: boolean };

/** Creates the action unless the agent has `max` already (null then). One lock, so a burst cannot pass the cap. */
export function createActionWithin(max: number, agentId: string, data: ActionData) {
  return writeTx(async (tx) => {
    await lockInTx(tx, TX_LOCKS.agentActions);
    if ((await tx.agentAction.count({ where: { agentId } })) >= max) return null;
    return tx.agentAction.create({ data: { ...data, agentId }, select: actionSelect });
  });
}

export function updateAction(id: string, data: Partial<ActionData>) {
  return withWriteLock(() => db.agentAction.update({ where: { id }, data, select: actionSelect }));
}

export function deleteAction(agentId: string, id: string) {
  return withWriteLock(() => db.agentAction.deleteMany({ where: { id, agentId } }));
}
