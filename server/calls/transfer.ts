// Staff hand a live voice call to a person: the provider connects the customer to the transfer number
// (the agent's, or one given), and the interaction ends as "transferred". On the simulator there is no
// real line to move, so only the status changes.
import { db } from "@/lib/db";
import { ApiError, notFound } from "@/lib/errors";
import { writeTx } from "@/lib/sql";
import { endConversation } from "@/server/conversations/apply";
import { findCarried } from "@/server/transports/carried";
import { findForWrite } from "@/server/conversations/queries";
import { publishCallEvent } from "@/server/events/bus";
import { transportFor } from "@/server/transports";
import { DeliveryRefused } from "@/server/transports/types";
import type { EffectiveAgent } from "./schema";

export async function transferCall(id: string, to: string | undefined, by: string) {
  const call = await findCarried(id);
  if (!call) throw notFound("Call");
  if (call.channel !== "call") throw new ApiError("invalid_transition", "Only voice calls can be transferred.");
  if (call.status !== "in-progress" && call.status !== "on-hold") {
    throw new ApiError("invalid_transition", `The call is "${call.status}"; only a call under way can be transferred.`);
  }
  const row = await db.interaction.findUniqueOrThrow({
    where: { id },
    select: { effectiveAgent: true, agent: { select: { transferNumber: true } } },
  });
  const number = to ?? row.agent.transferNumber;
  if (!number) {
    throw new ApiError("validation_failed", "The agent has no transfer number. Set one on the agent, or send `to`.", {
      details: [{ path: "to", message: "Give the number to transfer to, e.g. +14155550123." }],
    });
  }
  const transport = transportFor(call.provider);
  if (transport?.transfer) {
    try {
      await transport.transfer(call, number, (JSON.parse(row.effectiveAgent) as EffectiveAgent).language);
    } catch (error) {
      const why = error instanceof DeliveryRefused ? error.message : "the provider did not answer";
      throw new ApiError("service_unavailable", `The call could not be transferred: ${why}. Try again.`);
    }
  }
  await writeTx(async (tx) => {
    const current = await findForWrite(tx, id);
    if (current) await endConversation(tx, current, "transferred", `${by} transferred the call to ${number}.`, "staff");
  });
  publishCallEvent({ callId: id, kind: "status" });
}
