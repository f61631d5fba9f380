import { describe, expect, it } from "vitest";
import { type AnalysisInput, analyseByRules, ruleSentiment } from "./rules";

const said = (sender: string, content: string, internal = false) => ({ sender, content, internal });

const input = (over: Partial<AnalysisInput> = {}): AnalysisInput => ({
  channel: "webchat",
  status: "completed",
  direction: "outbound",
  simulated: false,
  customerName: "Nina Patel",
  skillName: "Order notifications",
  endReason: "The customer said goodbye.",
  successCriteria: "",
  fields: [],
  messages: [said("agent", "Hello Nina, your parcel arrives tomorrow."), said("customer", "Okay, see you then.")],
  ...over,
});

describe("the deterministic analyser", () => {
  it("keeps sentiment unknown without evidence in the customer's own words", () => {
    expect(ruleSentiment([said("customer", "Okay, see you then.")])).toBe("unknown");
    // The agent's politeness is not the customer's sentiment.
    expect(ruleSentiment([said("agent", "Thank you, that's great!"), said("customer", "Fine.")])).toBe("unknown");
    expect(ruleSentiment([said("customer", "Thanks, that is perfect.")])).toBe("positive");
    expect(ruleSentiment([said("customer", "This is unacceptable, I am really frustrated.")])).toBe("negative");
    expect(ruleSentiment([said("customer", "Thanks. But the delay was awful.")])).toBe("neutral");
    expect(ruleSentiment([said("customer", "great", true)])).toBe("unknown");
  });

  it("summarises what the record shows, and says when it was simulated", () => {
    const real = analyseByRules(input());
    expect(real.summary).toContain(
      "An outbound webchat interaction with Nina Patel about Order notifications: 2 messages, 1 from the customer.",
    );
    expect(real.summary).toContain("It ended as completed (The customer said goodbye).");
    expect(real.summary).not.toContain("simulated");
    const simulated = analyseByRules(input({ simulated: true }));
    expect(simulated.summary).toMatch(/^A simulated outbound webchat interaction/);
    expect(simulated.summary).toContain("No real customer took part.");
  });

  it("judges success only where the outcome decides it, and never guesses the criteria", () => {
    expect(analyseByRules(input()).successful).toBeNull();
    expect(analyseByRules(input()).successReason).toMatch(/no success criteria/);
    const criteria = analyseByRules(input({ successCriteria: "The customer confirmed the delivery date." }));
    expect(criteria.successful).toBeNull();
    expect(criteria.successReason).toMatch(/needs a language model/);
    const unanswered = analyseByRules(input({ channel: "call", status: "no-answer", messages: [], successCriteria: "x" }));
    expect(unanswered.successful).toBe(false);
    expect(unanswered.successReason).toBe("The customer was never reached: nobody answered.");
  });

  it("extracts nothing it cannot know, and reports voicemail for voice only", () => {
    const result = analyseByRules(
      input({
        fields: [
          { name: "confirmedDate", type: "string", description: "", required: true },
          { name: "wantsCallback", type: "boolean", description: "", required: false },
        ],
      }),
    );
    expect(result.extracted).toEqual({ confirmedDate: null, wantsCallback: null });
    expect(result.inVoicemail).toBeNull();
    expect(analyseByRules(input({ channel: "call", status: "voicemail", messages: [] })).inVoicemail).toBe(true);
    expect(analyseByRules(input({ channel: "call" })).inVoicemail).toBe(false);
  });

  it("is the same on every run", () => {
    expect(analyseByRules(input())).toEqual(analyseByRules(input()));
  });
});
