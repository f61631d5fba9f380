// A loopback OpenAI-compatible server (POST /v1/chat/completions, streamed as SSE or not, tool calls
// included, and POST /v1/embeddings), standing in for OpenAI, Ollama or vLLM, which these machines cannot reach. Tests queue
// what the "model" does next; with nothing queued it answers from a small default policy, so a whole
// conversation can run through it. Every request is recorded for assertions (prompt, tools, stream).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeTurn =
  | { text: string }
  | { tool: string; args: Record<string, unknown>; text?: string }
  | { fail: number; body?: string }
  | { stallMs: number }
  | { garbage: true };

export type ChatRequest = {
  model: string;
  stream?: boolean;
  temperature?: number;
  messages: { role: string; content: string | null; tool_calls?: unknown[]; tool_call_id?: string }[];
  tools?: { type: string; function: { name: string; description?: string; parameters?: unknown } }[];
};

/** With nothing queued: a goodbye ends the conversation, "person" hands off, anything else is answered. */
export function defaultPolicy(request: ChatRequest): FakeTurn {
  const lastUser = [...request.messages].reverse().find((m) => m.role === "user")?.content ?? "";
  if (/\bbye\b/i.test(lastUser))
    return {
      tool: "end_interaction",
      args: { reason: "The customer said goodbye.", outcome: "resolved" },
      text: "Goodbye, take care!",
    };
  if (/\bperson\b/i.test(lastUser)) return { tool: "transfer_to_human", args: { reason: "The customer asked for a person." } };
  const turn = request.messages.filter((m) => m.role === "assistant").length;
  return { text: `Model reply ${turn + 1}: I understand "${lastUser.slice(0, 60)}".` };
}

const USAGE = { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 };

function chunk(delta: Record<string, unknown>, finish: string | null = null) {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion.chunk",
    created: 1,
    model: "fake",
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
}

function send(res: ServerResponse, request: ChatRequest, turn: Exclude<FakeTurn, { fail: number } | { stallMs: number }>) {
  if ("garbage" in turn) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end("{not json");
    return;
  }
  const toolCalls =
    "tool" in turn
      ? [{ index: 0, id: "call_1", type: "function", function: { name: turn.tool, arguments: JSON.stringify(turn.args) } }]
      : undefined;
  const text = turn.text ?? "";
  if (!request.stream) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        id: "chatcmpl-fake",
        object: "chat.completion",
        created: 1,
        model: request.model,
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: text || null, tool_calls: toolCalls },
            finish_reason: toolCalls ? "tool_calls" : "stop",
          },
        ],
        usage: USAGE,
      }),
    );
    return;
  }
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const frames: unknown[] = [chunk({ role: "assistant", content: "" })];
  // A few words per chunk, so a client sees the reply grow.
  for (const piece of text.match(/\S+\s*/g) ?? []) frames.push(chunk({ content: piece }));
  if (toolCalls) frames.push(chunk({ tool_calls: toolCalls }));
  frames.push(chunk({}, toolCalls ? "tool_calls" : "stop"));
  frames.push({
    id: "chatcmpl-fake",
    object: "chat.completion.chunk",
    created: 1,
    model: request.model,
    choices: [],
    usage: USAGE,
  });
  let i = 0;
  const next = () => {
    if (res.destroyed) return;
    if (i < frames.length) {
      res.write(`data: ${JSON.stringify(frames[i++])}\n\n`);
      setTimeout(next, 15);
    } else res.end("data: [DONE]\n\n");
  };
  next();
}

// POST /v1/embeddings: a toy model that knows a few synonyms, so a test can tell semantic search from
// lexical search. Words of one concept share a dimension (weight 1); any other word lands on a hashed
// dimension with a small weight. Deterministic, and the real response shape.
const CONCEPTS: Record<string, string[]> = {
  refund: ["refund", "refunds", "money"],
  return: ["return", "returns", "back"],
  window: ["window", "period", "days"],
  delivery: ["delivery", "shipping", "arrive", "arrives"],
};
const DIMS = 256;
const CONCEPT_OF = new Map(Object.values(CONCEPTS).flatMap((words, i) => words.map((w) => [w, i] as const)));

export function fakeEmbedding(text: string): number[] {
  const v = new Array<number>(DIMS).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    const concept = CONCEPT_OF.get(word);
    if (concept !== undefined) v[concept] += 1;
    else {
      let h = 0;
      for (const c of word) h = (h * 31 + c.charCodeAt(0)) >>> 0;
      v[Object.keys(CONCEPTS).length + (h % (DIMS - Object.keys(CONCEPTS).length))] += 0.25;
    }
  }
  return v;
}

function sendEmbeddings(res: ServerResponse, body: { model: string; input: string | string[] }) {
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      object: "list",
      data: inputs.map((text, index) => ({ object: "embedding", index, embedding: fakeEmbedding(text) })),
      model: body.model,
      usage: { prompt_tokens: inputs.length * 8, total_tokens: inputs.length * 8 },
    }),
  );
}

export async function startFakeLlm(policy: (request: ChatRequest) => FakeTurn = defaultPolicy) {
  const queue: FakeTurn[] = [];
  // Turns meant for one conversation: taken only by a request whose messages contain `match`.
  const targeted: { match: string; turn: FakeTurn }[] = [];
  const requests: ChatRequest[] = [];
  const embeddingRequests: { model: string; input: string | string[] }[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.method === "POST" && req.url?.endsWith("/embeddings")) {
        embeddingRequests.push(JSON.parse(body));
        sendEmbeddings(res, JSON.parse(body));
        return;
      }
      if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: "not found" } }));
        return;
      }
      const request = JSON.parse(body) as ChatRequest;
      requests.push(request);
      const text = JSON.stringify(request.messages);
      const mine = targeted.findIndex((t) => text.includes(t.match));
      const turn = mine >= 0 ? targeted.splice(mine, 1)[0].turn : (queue.shift() ?? policy(request));
      if ("fail" in turn) {
        res.writeHead(turn.fail, { "content-type": "application/json" });
        res.end(turn.body ?? JSON.stringify({ error: { message: "The fake model was told to fail." } }));
      } else if ("stallMs" in turn) {
        setTimeout(() => res.destroy(), turn.stallMs);
      } else send(res, request, turn);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    embeddingRequests,
    /** What the model does on its next requests, in order; then the policy again. */
    queue: (...turns: FakeTurn[]) => queue.push(...turns),
    /** Like queue, for the conversation whose messages contain `match` only (others run concurrently). */
    queueFor: (match: string, ...turns: FakeTurn[]) => targeted.push(...turns.map((turn) => ({ match, turn }))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type FakeLlm = Awaited<ReturnType<typeof startFakeLlm>>;
