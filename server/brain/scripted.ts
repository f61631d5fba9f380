// The scripted brain: deterministic answers to a real customer, used when no model is configured. It
// acknowledges, ends when the customer says goodbye, hands off when they ask for a person, and ends
// politely after a few turns. Simple and predictable, so the whole product works without a model.
import { type Brain, type BrainContext, type Decision, NO_USAGE } from "./types";

const GOODBYE = /\b(bye|goodbye|that's all|thats all|no thanks|nothing else|thank you|thanks)\b/i;
const WANTS_PERSON = /\b(human|person|someone|representative|real agent|staff|operator)\b/i;
const MAX_SCRIPTED_TURNS = 4;

function decision(reply: string, extra: Partial<Decision> = {}): Decision {
  return { reply, tools: [], usage: NO_USAGE, ...extra };
}

export const scriptedBrain: Brain = {
  name: "scripted",
  async decide(context: BrainContext): Promise<Decision> {
    const last = [...context.history].reverse().find((line) => !line.internal && line.sender !== "system");
    const first = context.customer.firstName || "there";
    if (last?.sender !== "customer") return decision(`Is there anything else I can help you with, ${first}?`);
    const said = last.content;
    if (WANTS_PERSON.test(said)) {
      return { reply: null, handoff: { reason: "The customer asked for a person." }, tools: [], usage: NO_USAGE };
    }
    if (GOODBYE.test(said)) {
      return decision(`You're welcome, ${first}. Have a great day!`, {
        end: { reason: "The customer said goodbye.", outcome: "resolved" },
      });
    }
    const agentTurns = context.history.filter((line) => line.sender === "agent" && !line.internal).length;
    if (agentTurns >= MAX_SCRIPTED_TURNS) {
      return decision(
        `Thank you, ${first}. I've noted everything and our ${context.skillName.toLowerCase()} team will follow up.`,
        {
          end: { reason: "The scripted conversation reached its last turn.", outcome: "follow-up" },
        },
      );
    }
    const quoted = said.length > 80 ? `${said.slice(0, 77)}…` : said;
    return decision(
      `Thanks, ${first}. I've noted: "${quoted}". Our ${context.skillName.toLowerCase()} team will look into it. Is there anything else?`,
    );
  },
};
