// The contract between the interaction engine and a channel provider. A provider runs an interaction
// one step at a time inside the engine's transaction, so each step's effects commit atomically with
// the job's progress.
import type { SqlTx } from "@/lib/sql";
import type { Channel } from "@/server/calls/status";

export type InteractionForStep = {
  id: string;
  channel: Channel;
  status: string;
  startedAt: Date | null;
};

export type StepContext = { workerId: string };

export type StepOutcome = { done: false; delayMs: number; changed: "status" | "message" | "none" } | { done: true };

export interface ChannelProvider {
  readonly name: string;
  readonly simulated: boolean;
  step(tx: SqlTx, interaction: InteractionForStep, step: number, context: StepContext): Promise<StepOutcome>;
}
