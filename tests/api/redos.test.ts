// No input can stall the event loop. Template text shaped to make a backtracking placeholder pattern run
// for minutes ("{{" followed by spaces, up to each field's maximum length) is answered like any other,
// the interactions it creates run to the end, and /api/ping keeps answering all the while. The app is
// this file's own, so a regression fails here (and is killed) instead of hanging the rest of the run.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { newDatabase, prepareDatabase, type RunningApp, startApp } from "../support/app";
import { AGENT_ID, basicAuth, SKILL_ID, waitForTerminal } from "../support/api";

/** "{{" and then spaces, `length` characters in all: the worst case of the old pattern. */
const unclosed = (length: number) => `{{${" ".repeat(length - 2)}`;
const PROMPT_MAX = 20_000;
const INITIAL_MESSAGE_MAX = 4_000;

// Generous: a healthy server answers in milliseconds, the old pattern took minutes.
const REQUEST_PATIENCE_MS = 30_000;
const PING_PATIENCE_MS = 10_000;

let app: RunningApp;
let drop: () => Promise<void>;

beforeAll(async () => {
  const db = await newDatabase(inject("dialect"));
  drop = db.drop;
  prepareDatabase(db.url);
  app = await startApp(db.url);
});

afterAll(async () => {
  await app?.kill();
  await drop?.();
});

async function send(method: string, path: string, body: unknown) {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { authorization: basicAuth(), "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_PATIENCE_MS),
  });
  return { status: res.status, body: await res.json() };
}

/** Pings back to back until stopped, recording for each ping whether it was answered. */
function keepPinging() {
  const answered: boolean[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const res = await fetch(`${app.url}/api/ping`, { signal: AbortSignal.timeout(PING_PATIENCE_MS) });
        answered.push(res.status === 200 && (await res.json()).status === "ok");
      } catch {
        answered.push(false);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    return answered;
  };
}

describe("template text built to backtrack", () => {
  it("is answered at once in prompt, initialMessage and an agent's instructions, while /api/ping keeps answering", async () => {
    const stopPinging = keepPinging();
    const ids: string[] = [];
    try {
      const prompt = unclosed(PROMPT_MAX);
      const initialMessage = unclosed(INITIAL_MESSAGE_MAX);
      const direct = await send("POST", "/api/v1/calls", {
        agentId: AGENT_ID,
        skillId: SKILL_ID,
        channel: "webchat",
        simulate: true,
        customerName: "Slow Pattern",
        agentOverride: { prompt: { prompt, initialMessage } },
      });
      expect(direct.status).toBe(200);
      // An unclosed "{{" is text, not a placeholder: it renders as written and names no variable.
      expect(direct.body).toMatchObject({ prompt, initialMessage, unresolvedVariables: [] });
      ids.push(direct.body.id);

      // Saved in an agent, the same text reaches every later call with that agent.
      const agent = await send("POST", "/api/v1/agents", {
        name: "Backtracking Bait",
        baseInstructions: prompt,
        initialMessage,
        skillIds: [SKILL_ID],
      });
      expect(agent.status).toBe(201);
      const viaAgent = await send("POST", "/api/v1/calls", {
        agentId: agent.body.id,
        skillId: SKILL_ID,
        channel: "webchat",
        simulate: true,
        customerName: "Slow Agent",
      });
      expect(viaAgent.status).toBe(200);
      expect(viaAgent.body).toMatchObject({ prompt, initialMessage, unresolvedVariables: [] });
      ids.push(viaAgent.body.id);

      // The worker plays both interactions to the end: it is not stuck either.
      for (const id of ids) expect((await waitForTerminal(id, 60_000, app.url)).status).toBe("completed");
    } finally {
      const pings = await stopPinging();
      expect(pings.length, "pings sent while the requests ran").toBeGreaterThan(0);
      const unanswered = pings.filter((ok) => !ok).length;
      expect(unanswered, `${unanswered} of ${pings.length} pings went unanswered`).toBe(0);
    }
  });
});
