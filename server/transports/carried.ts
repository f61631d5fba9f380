// What a transport is told about the interaction it carries, read fresh before each network call.
import { db } from "@/lib/db";
import type { Channel } from "@/server/calls/status";
import type { Carried } from "./types";

export const carriedSelect = {
  id: true,
  channel: true,
  direction: true,
  externalId: true,
  customerPhone: true,
  customerEmail: true,
  customerName: true,
  agentPhone: true,
  agentEmail: true,
  agentId: true,
  skillId: true,
} as const;

export async function findCarried(id: string): Promise<(Carried & { provider: string; status: string }) | null> {
  const row = await db.interaction.findUnique({ where: { id }, select: { ...carriedSelect, provider: true, status: true } });
  return row && { ...row, channel: row.channel as Channel };
}
