// Ends interactions that stayed non-terminal with no activity past STALE_INTERACTION_MINUTES, so no
// interaction is left "in progress" forever (a lost provider callback, a crashed worker, a forgotten hold).
// An outbound web chat still waiting for its customer ("initiated") is different: its link is valid for
// CHAT_LINK_TTL_SECONDS, and a customer who opens it tomorrow must find the chat open. It expires with
// its link.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { writeTx } from "@/lib/sql";
import { STATUSES, isTerminal } from "@/server/calls/status";
import { transition } from "@/server/calls/transitions";
import { publishCallEvent } from "@/server/events/bus";
import { finishJobsOf } from "./queries";

const OPEN = STATUSES.filter((s) => !isTerminal(s));

export async function sweepStaleInteractions(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - env.STALE_INTERACTION_MINUTES * 60_000);
  const linkCutoff = new Date(now.getTime() - env.CHAT_LINK_TTL_SECONDS * 1000);
  const waitingForCustomer = { provider: "webchat", direction: "outbound", status: "initiated" };
  const stale = await db.interaction.findMany({
    where: {
      status: { in: OPEN },
      lastActivityAt: { lt: cutoff },
      OR: [{ NOT: waitingForCustomer }, { ...waitingForCustomer, createdAt: { lt: linkCutoff } }],
    },
    select: { id: true, status: true, channel: true },
    take: 200,
  });
  let ended = 0;
  for (const call of stale) {
    const reason = `No activity for ${env.STALE_INTERACTION_MINUTES} minutes while "${call.status}"; ended by the sweeper.`;
    const ok = await writeTx(async (tx) => {
      const result = await transition(tx, call, "expired", { actor: "sweeper", reason });
      if (result.ok) await finishJobsOf(tx, call.id);
      return result.ok;
    });
    if (ok) {
      ended++;
      publishCallEvent({ callId: call.id, kind: "status" });
    }
  }
  return ended;
}
