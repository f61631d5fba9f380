// Which brain writes an interaction's agent turns: chosen when the interaction is created (stored in
// its `brain` column), so a model configured later does not change a conversation half-way.
import { llmBrain, llmConfigured } from "./llm";
import { scriptedBrain } from "./scripted";
import type { Brain } from "./types";

export function brainFor(name: string): Brain {
  return name === "llm" ? llmBrain : scriptedBrain;
}

/** The brain a new interaction gets: the model when one is configured. */
export const defaultBrain = (): "llm" | "scripted" => (llmConfigured() ? "llm" : "scripted");
