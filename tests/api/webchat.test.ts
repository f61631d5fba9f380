// Real conversations over web chat, end to end against the built app and a loopback OpenAI-compatible
// model (tests/support/fake-llm.ts): the customer's chat link, streamed replies, tool calls, hand-off
// after model failures, staff take-over and hand-back, the widget's inbound chats with a verified
// identity, and a turn that survives SIGKILL.
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { newDatabase, prepareDatabase, type RunningApp, startApp, TEST_ADMIN } from "../support/app";
import { AGENT_ID, api, asSession, SKILL_ID, signIn, waitForTerminal, withApp } from "../support/api";
import { type FakeLlm, startFakeLlm } from "../support/fake-llm";
import { collectSse, openSseStream } from "../support/sse";

const customer = { authorization: "" };

let llm: FakeLlm;
let app: RunningApp;
let drop: () => Promise<void>;

beforeAll(async () => {
  llm = await startFakeLlm();
  const db = await newDatabase(inject("dialect"));
  prepareDatabase(db.url);
  drop = db.drop;
  app = await startApp(db.url, {
    LLM_BASE_URL: llm.baseUrl,
    LLM_MODEL: "fake-model",
    SIMULATOR_STEP_MS: "50",
    CHAT_RATE_LIMIT_PER_MINUTE: "1000",
    // The agent action below is served on loopback.
    WEBHOOK_ALLOW_PRIVATE_URLS: "true",
  });
});

afterAll(async () => {
  await app?.stop();
  await drop?.();
  await llm?.close();
});

const call = async (id: string) => (await api("GET", `/api/v1/calls/${id}`, undefined, {}, app.url)).body;
const chat = (token: string, path = "", method = "GET", body?: unknown) =>
  api(method, `/api/chat/${token}${path}`, body, customer, app.url);
const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);

async function startWebChat(extra: Record<string, unknown> = {}) {
  const res = await api(
    "POST",
    "/api/v1/calls",
    { agentId: AGENT_ID, skillId: SKILL_ID, channel: "webchat", customerName: "Nina Patel", ...extra },
    {},
    app.url,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

type Line = { sender: string; internal: boolean; content: string };
/** The agent's lines the customer sees (bodies are loosely typed JSON). */
const agentLines = (c: unknown): Line[] =>
  ((c as { messages: Line[] }).messages ?? []).filter((m) => m.sender === "agent" && !m.internal);

describe("web chat with a language model", () => {
  it("an outbound chat: the link, streamed model replies, tools in the timeline, and the end with a transcript", async () => {
    const created = await startWebChat({ customerOverride: { customFields: [{ name: "Order", value: "A-1042" }] } });
    expect(created).toMatchObject({ provider: "webchat", simulated: false, brain: "llm", direction: "outbound" });
    expect(created.links.chat).toMatch(/\/chat\/[0-9a-f-]{36}\.\d+\.[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(created.links.chat);

    // The agent's first line is the rendered initial message, verbatim; the chat waits for the customer.
    const opened = await waitFor(
      () => call(created.id),
      (c) => agentLines(c).length === 1,
    );
    expect(opened.status).toBe("initiated");
    expect(opened.messages[0].content).toBe("Hello Nina, this is Ava calling about your recent order.");
    const view = await chat(token);
    expect(view.status).toBe(200);
    expect(view.body.conversation).toMatchObject({ open: true, agent: { name: "Ava" }, customerName: "Nina Patel" });
    expect(view.body.conversation.messages.map((m: { sender: string }) => m.sender)).toEqual(["agent"]);

    // The customer writes; the reply streams (typing events) before it is stored.
    const stream = await openSseStream(`${app.url}/api/chat/${token}/events`, customer);
    expect(stream.res.status).toBe(200);
    llm.queueFor(
      "When does my order ship?",
      { tool: "lookup_custom_field", args: { name: "Order" } },
      { text: "Your order A-1042 ships tomorrow morning." },
    );
    const sent = await chat(token, "/messages", "POST", { content: "Hi! When does my order ship?" });
    expect(sent.status).toBe(201);
    expect(sent.body.message).toMatchObject({ sender: "customer", content: "Hi! When does my order ship?" });
    const events = await collectSse(stream, (e) => e.event === "message" && e.data.sender === "agent");
    stream.close();
    const typing = events.filter((e) => e.event === "typing").map((e) => e.data.text);
    expect(typing[0]).toBe("");
    expect(
      typing.some(
        (t) => typeof t === "string" && t.length > 0 && "Your order A-1042 ships tomorrow morning.".startsWith(t.trim()),
      ),
    ).toBe(true);
    expect(events.at(-1)?.data.content).toBe("Your order A-1042 ships tomorrow morning.");

    // The model saw the instructions, the facts, the channel's style, and its tools.
    const request = llm.requests.find((r) => JSON.stringify(r.messages).includes("When does my order ship?"));
    const system = request?.messages[0].content ?? "";
    expect(system).toContain("Order: A-1042");
    expect(system).toContain("live web chat");
    expect(request?.stream).toBe(true);
    expect(request?.model).toBe("fake-model");
    expect(request?.tools?.map((t) => t.function.name).sort()).toEqual([
      "end_interaction",
      "lookup_custom_field",
      "transfer_to_human",
    ]);

    // Staff see the tool call; the customer never does.
    const live = await call(created.id);
    expect(live.status).toBe("in-progress");
    const tool = live.messages.find((m: { sender: string }) => m.sender === "tool");
    expect(tool).toMatchObject({ internal: true });
    expect(tool.content).toContain("lookup_custom_field");
    expect(tool.content).toContain("A-1042");
    expect((await chat(token)).body.conversation.messages.some((m: { sender: string }) => m.sender === "tool")).toBe(false);

    // A goodbye: the model says it and ends the conversation with end_interaction.
    await chat(token, "/messages", "POST", { content: "Great, bye!" });
    const done = await waitForTerminal(created.id, 15_000, app.url);
    expect(done.status).toBe("completed");
    expect(done.endReason).toContain("outcome: resolved");
    expect(done.transcription).toContain("Customer: Hi! When does my order ship?");
    expect(done.transcription).toContain("Agent: Goodbye, take care!");
    expect(done.transcription).not.toContain("lookup_custom_field");
    expect(done.usage.promptTokens).toBeGreaterThan(0);
    expect(done.usage.totalTokens).toBe(done.usage.promptTokens + done.usage.completionTokens);
    const closed = await chat(token, "/messages", "POST", { content: "One more thing" });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe("chat_closed");
  });

  it("hands the conversation to staff when the model keeps failing, and tells the customer", async () => {
    const created = await startWebChat();
    const token = tokenOf(created.links.chat);
    await waitFor(
      () => call(created.id),
      (c) => agentLines(c).length === 1,
    );
    llm.queueFor("Can you help me?", { fail: 500 }, { garbage: true }, { fail: 503 });
    await chat(token, "/messages", "POST", { content: "Can you help me?" });
    const handed = await waitFor(
      () => call(created.id),
      (c) => c.needsPerson === true,
      30_000,
    );
    expect(handed.handoffReason).toMatch(/failed 3 times/);
    expect(handed.status).toBe("in-progress");
    const visible = (await chat(token)).body.conversation.messages;
    expect(visible.at(-1)).toMatchObject({ sender: "agent", content: expect.stringContaining("bringing in a colleague") });

    // The list and the overview find it.
    const waiting = await api("GET", "/api/v1/calls?needsPerson=true&direction=outbound", undefined, {}, app.url);
    expect(waiting.body.map((c: { id: string }) => c.id)).toContain(created.id);
  });

  it("staff take over, write as themselves, and hand back; the agent answers what waited", async () => {
    const created = await startWebChat();
    const token = tokenOf(created.links.chat);
    await waitFor(
      () => call(created.id),
      (c) => agentLines(c).length === 1,
    );
    const admin = await signIn(TEST_ADMIN.email, TEST_ADMIN.password, app.url);

    const taken = await api("POST", `/api/v1/calls/${created.id}/takeover`, undefined, asSession(admin.jar, app.url), app.url);
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    expect(taken.body.takenOverBy).toMatchObject({ id: admin.id });

    const requestsBefore = llm.requests.length;
    await chat(token, "/messages", "POST", { content: "Is anyone there?" });
    const reply = await api(
      "POST",
      `/api/v1/calls/${created.id}/messages`,
      { content: "Hi Nina, I'm from the team. Let me check." },
      asSession(admin.jar, app.url),
      app.url,
    );
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ sender: "staff", internal: false });
    const seen = (await chat(token)).body.conversation.messages.at(-1);
    expect(seen).toMatchObject({ sender: "staff", content: "Hi Nina, I'm from the team. Let me check." });
    expect(seen.senderName).toBeTruthy();
    await new Promise((r) => setTimeout(r, 500));
    expect(llm.requests.length).toBe(requestsBefore); // the brain is paused

    await chat(token, "/messages", "POST", { content: "Thanks, and what about the refund?" });
    const back = await api("POST", `/api/v1/calls/${created.id}/handback`, undefined, asSession(admin.jar, app.url), app.url);
    expect(back.status).toBe(200);
    expect(back.body.takenOverBy).toBeNull();
    const answered = await waitFor(
      () => call(created.id),
      (c) => c.messages.at(-1)?.sender === "agent",
    );
    expect(answered.messages.at(-1).content).toContain("what about the refund");
    // The staff turn was in the model's context.
    const context = JSON.stringify(llm.requests.at(-1)?.messages);
    expect(context).toContain("written by staff member");
    expect(context).toContain("Let me check.");
  });

  it("refuses take-over of a voice call and of a finished interaction with a clear 409", async () => {
    const voice = await api(
      "POST",
      "/api/v1/calls",
      { agentId: AGENT_ID, skillId: SKILL_ID, channel: "call", customerPhone: "+14155550777" },
      {},
      app.url,
    );
    const res = await api("POST", `/api/v1/calls/${voice.body.id}/takeover`, undefined, {}, app.url);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/Voice calls cannot be taken over/);
    const empty = await api("POST", `/api/v1/calls/${voice.body.id}/messages`, { content: "   " }, {}, app.url);
    expect(empty.status).toBe(422);
    // A simulated call talks to the model too: stop it so that it takes no turn queued by a later test.
    await api("PUT", `/api/v1/calls/${voice.body.id}`, { status: "canceled" }, {}, app.url);
  });

  it("a forged, expired or unknown chat link is a clear 404, and bad messages are refused", async () => {
    const created = await startWebChat();
    const token = tokenOf(created.links.chat);
    const forged = `${token.slice(0, -2)}AA`;
    for (const bad of [forged, "nope", `${created.id}.1.${"a".repeat(43)}`]) {
      const res = await chat(bad);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("chat_not_found");
      expect(res.body.error.message).toMatch(/expired or is not valid/);
    }
    const long = await chat(token, "/messages", "POST", { content: "x".repeat(4001) });
    expect(long.status).toBe(422);
    expect(long.body.error.details[0].message).toMatch(/at most 4000 characters/);
    // Messages sent at once (a customer double-sending while the agent answers) are all stored, in order.
    const burst = await Promise.all(["first", "second", "third"].map((content) => chat(token, "/messages", "POST", { content })));
    expect(burst.map((r) => r.status)).toEqual([201, 201, 201]);
    const html = await chat(token, "/messages", "POST", { content: "<img src=x onerror=alert(1)>" });
    expect(html.status).toBe(201);
    expect(html.body.message.content).toBe("<img src=x onerror=alert(1)>"); // stored as text, rendered as text
    // Let the agent answer before the next test queues model turns of its own.
    await waitFor(
      () => call(created.id),
      (c) => agentLines(c).length === 2,
    );
  });
});

describe("test your agent: the simulator with a model-played customer", () => {
  it("plays a persona against the agent on any channel, to the end, with a recording for voice", async () => {
    const persona = "An impatient customer whose parcel is three days late.";
    const res = await api(
      "POST",
      "/api/v1/calls",
      {
        agentId: AGENT_ID,
        skillId: SKILL_ID,
        channel: "call",
        customerName: "Tess Tester",
        customerPhone: "+15555550123",
        simulate: true,
        persona,
      },
      {},
      app.url,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ simulated: true, provider: "simulator", brain: "llm" });
    const done = await waitForTerminal(res.body.id, 60_000, app.url);
    expect(done.status).toBe("completed");
    expect(done.statusHistory.map((h: { status: string }) => h.status)).toEqual([
      "queued",
      "initiated",
      "ringing",
      "in-progress",
      "completed",
    ]);
    const said = done.messages.filter((m: Line) => !m.internal).map((m: Line) => m.sender);
    expect(said[0]).toBe("agent");
    expect(said.filter((s: string) => s === "customer").length).toBeGreaterThanOrEqual(3);
    expect(done.recordingUrl).toMatch(/\/recording\?token=/);
    // The customer's side was the model, playing the persona.
    const customerRequests = llm.requests.filter((r) => (r.messages[0]?.content ?? "").includes(persona));
    expect(customerRequests.length).toBeGreaterThanOrEqual(3);
    expect(customerRequests[0].stream).toBeFalsy();
  });
});

describe("agent actions called by the model", () => {
  it("POSTs the model's arguments, signed, and hands the answer back; staff see both in the timeline", async () => {
    const received: { headers: Record<string, string>; body: string }[] = [];
    const service = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push({ headers: req.headers as Record<string, string>, body });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ status: "packed", carrier: "DHL" }));
      });
    });
    await new Promise<void>((resolve) => service.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(service.address() as AddressInfo).port}/orders`;
    const admin = await signIn(TEST_ADMIN.email, TEST_ADMIN.password, app.url);
    const action = await api(
      "POST",
      `/api/v1/agents/${AGENT_ID}/actions`,
      {
        name: "check_order",
        description: "Look up an order's status.",
        parameters: { type: "object", properties: { orderId: { type: "string" } }, required: ["orderId"] },
        url,
        timeoutMs: 2000,
      },
      {},
      app.url,
    );
    expect(action.status, JSON.stringify(action.body)).toBe(201);
    try {
      const created = await startWebChat();
      const token = tokenOf(created.links.chat);
      await waitFor(
        () => call(created.id),
        (c) => agentLines(c).length === 1,
      );
      llm.queueFor(
        "Where is order A-7?",
        { tool: "check_order", args: { orderId: "A-7" } },
        { text: "Your order A-7 is packed and goes with DHL." },
      );
      await chat(token, "/messages", "POST", { content: "Where is order A-7?" });
      const answered = await waitFor(
        () => call(created.id),
        (c) => agentLines(c).length === 2,
      );
      expect(agentLines(answered)[1].content).toBe("Your order A-7 is packed and goes with DHL.");

      // One signed POST with the model's arguments.
      expect(received).toHaveLength(1);
      expect(JSON.parse(received[0].body)).toMatchObject({
        action: "check_order",
        arguments: { orderId: "A-7" },
        interactionId: created.id,
        agentId: AGENT_ID,
      });
      const secret = await api(
        "GET",
        `/api/v1/agents/${AGENT_ID}/actions-secret`,
        undefined,
        asSession(admin.jar, app.url),
        app.url,
      );
      expect(() => new Webhook(secret.body.secret).verify(received[0].body, received[0].headers)).not.toThrow();

      // The model was offered the action with its schema, and got the answer back.
      const mine = llm.requests.filter((r) => JSON.stringify(r.messages).includes("Where is order A-7?"));
      const offered = mine[0]?.tools?.find((t) => t.function.name === "check_order");
      expect(offered?.function.parameters).toMatchObject({ properties: { orderId: { type: "string" } } });
      expect(JSON.stringify(mine[1]?.messages)).toContain("DHL");
      const tool = answered.messages.find((m: { sender: string }) => m.sender === "tool");
      expect(tool.content).toContain("check_order");
      expect(tool.content).toContain("packed");
    } finally {
      await api("DELETE", `/api/v1/agents/${AGENT_ID}/actions/${action.body.id}`, undefined, {}, app.url);
      await new Promise<void>((resolve) => service.close(() => resolve()));
    }
  });
});

describe("the widget: inbound chats", () => {
  it("a visitor's first message opens an inbound interaction that the agent answers", async () => {
    const config = await api("GET", `/api/chat/widget?agentId=${AGENT_ID}&skillId=${SKILL_ID}`, undefined, customer, app.url);
    expect(config.status).toBe(200);
    expect(config.body.agent.name).toBe("Ava");
    expect(config.body.greeting.length).toBeGreaterThan(0);

    const started = await api(
      "POST",
      "/api/chat/start",
      {
        agentId: AGENT_ID,
        skillId: SKILL_ID,
        content: "Hello, I need help with a delivery.",
        customer: { name: "Widget Visitor" },
      },
      customer,
      app.url,
    );
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const id = started.body.conversation.id;
    const answered = await waitFor(
      () => call(id),
      (c) => agentLines(c).length === 1,
    );
    expect(answered).toMatchObject({
      direction: "inbound",
      provider: "webchat",
      status: "in-progress",
      customerName: "Widget Visitor",
    });
    expect(answered.messages[0]).toMatchObject({ sender: "customer", content: "Hello, I need help with a delivery." });
    expect(answered.links.chat).toBeNull(); // the token lives in the visitor's browser, not in the API
    const inbound = await api("GET", "/api/v1/calls?direction=inbound", undefined, {}, app.url);
    expect(inbound.body.map((c: { id: string }) => c.id)).toContain(id);
    expect((await chat(started.body.token)).body.conversation.messages).toHaveLength(2);
  });

  it("links a verified e-mail to the customer, and refuses a hash that does not match", async () => {
    const admin = await signIn(TEST_ADMIN.email, TEST_ADMIN.password, app.url);
    const widget = await api("GET", `/api/v1/agents/${AGENT_ID}/widget`, undefined, asSession(admin.jar, app.url), app.url);
    expect(widget.status).toBe(200);
    expect(widget.body.snippets[0].html).toContain(`data-agent-id="${AGENT_ID}"`);
    const staffOnly = await api("GET", `/api/v1/agents/${AGENT_ID}/widget`, undefined, {}, app.url);
    expect(staffOnly.status).toBe(403);

    const email = "verified.visitor@example.com";
    const hash = createHmac("sha256", widget.body.secret).update(email).digest("hex");
    const body = { agentId: AGENT_ID, skillId: SKILL_ID, content: "Hi", customer: { name: "Vera Visitor", email } };
    const wrong = await api("POST", "/api/chat/start", { ...body, customerHash: "0".repeat(64) }, customer, app.url);
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details[0]).toMatchObject({ path: "customerHash" });

    const ok = await api("POST", "/api/chat/start", { ...body, customerHash: hash }, customer, app.url);
    expect(ok.status).toBe(201);
    const linked = await call(ok.body.conversation.id);
    expect(linked.customerEmail).toBe(email);

    const unverified = await api("POST", "/api/chat/start", body, customer, app.url);
    const notLinked = await call(unverified.body.conversation.id);
    expect(notLinked.customerEmail).toBeNull();
    expect(notLinked.customFields).toContainEqual({ name: "E-mail (unverified)", value: email });
  });
});

describe("without a model", () => {
  it("web chat runs on the scripted brain", async () => {
    const created = await api("POST", "/api/v1/calls", {
      agentId: AGENT_ID,
      skillId: SKILL_ID,
      channel: "webchat",
      customerName: "Otto",
    });
    expect(created.body).toMatchObject({ brain: "scripted", provider: "webchat" });
    const token = tokenOf(created.body.links.chat);
    await waitFor(
      async () => (await api("GET", `/api/v1/calls/${created.body.id}`)).body,
      (c) => agentLines(c).length === 1,
    );
    await api("POST", `/api/chat/${token}/messages`, { content: "My parcel is late." }, customer);
    const replied = await waitFor(
      async () => (await api("GET", `/api/v1/calls/${created.body.id}`)).body,
      (c) => agentLines(c).length === 2,
    );
    expect(agentLines(replied)[1].content).toContain("My parcel is late.");
    await api("POST", `/api/chat/${token}/end`, undefined, customer);
    expect((await waitForTerminal(created.body.id)).status).toBe("completed");
  });
});

describe("customers are rate-limited", () => {
  it("per conversation, with 429, Retry-After and a sentence the widget can show", async () => {
    await withApp({ CHAT_RATE_LIMIT_PER_MINUTE: "2" }, async (limited) => {
      const created = await api(
        "POST",
        "/api/v1/calls",
        { agentId: AGENT_ID, skillId: SKILL_ID, channel: "webchat", customerName: "Quick Typist" },
        {},
        limited.url,
      );
      const token = tokenOf(created.body.links.chat);
      const send = (content: string) => api("POST", `/api/chat/${token}/messages`, { content }, customer, limited.url);
      expect((await send("one")).status).toBe(201);
      expect((await send("two")).status).toBe(201);
      const third = await send("three");
      expect(third.status).toBe(429);
      expect(third.body.error.code).toBe("rate_limited");
      expect(third.body.error.message).toMatch(/You're sending messages quickly. Wait \d+ seconds/);
      expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
      const customerLines = (
        await api("GET", `/api/v1/calls/${created.body.id}`, undefined, {}, limited.url)
      ).body.messages.filter((m: Line) => m.sender === "customer");
      expect(customerLines).toHaveLength(2); // nothing stored for the refused one
    });
  });
});

describe("durability of a model turn", () => {
  it("a turn cut by SIGKILL runs again after restart, and its reply is stored once", async () => {
    const slow = await startFakeLlm();
    const db = await newDatabase(inject("dialect"));
    prepareDatabase(db.url);
    const env = { LLM_BASE_URL: slow.baseUrl, LLM_MODEL: "fake-model", LLM_TIMEOUT_MS: "60000" };
    let killed = await startApp(db.url, env);
    try {
      const created = await api(
        "POST",
        "/api/v1/calls",
        { agentId: AGENT_ID, skillId: SKILL_ID, channel: "webchat", customerName: "Kim" },
        {},
        killed.url,
      );
      const token = tokenOf(created.body.links.chat);
      await waitFor(
        async () => (await api("GET", `/api/v1/calls/${created.body.id}`, undefined, {}, killed.url)).body,
        (c) => agentLines(c).length === 1,
      );
      slow.queue({ stallMs: 60_000 });
      await api("POST", `/api/chat/${token}/messages`, { content: "Are you there?" }, customer, killed.url);
      await waitFor(
        async () => slow.requests.length,
        (n) => n >= 1,
      );
      await killed.kill();
      killed = await startApp(db.url, env, killed.port);
      const done = await waitFor(
        async () => (await api("GET", `/api/v1/calls/${created.body.id}`, undefined, {}, killed.url)).body,
        (c) => agentLines(c).length === 2,
        45_000,
      );
      expect(agentLines(done)[1].content).toContain("Are you there?");
      await new Promise((r) => setTimeout(r, 1000));
      const after = (await api("GET", `/api/v1/calls/${created.body.id}`, undefined, {}, killed.url)).body;
      expect(agentLines(after)).toHaveLength(2);
      expect(after.messages.filter((m: { sender: string }) => m.sender === "customer")).toHaveLength(1);
    } finally {
      await killed.stop();
      await db.drop();
      await slow.close();
    }
  });

  it("a simulated customer's turn cut by SIGKILL runs again, and the conversation ends without repeats", async () => {
    const slow = await startFakeLlm();
    const db = await newDatabase(inject("dialect"));
    prepareDatabase(db.url);
    const env = { LLM_BASE_URL: slow.baseUrl, LLM_MODEL: "fake-model", LLM_TIMEOUT_MS: "60000", SIMULATOR_STEP_MS: "50" };
    const persona = "A customer who is cut off mid-sentence.";
    let killed = await startApp(db.url, env);
    try {
      slow.queueFor(persona, { stallMs: 60_000 });
      const created = await api(
        "POST",
        "/api/v1/calls",
        { agentId: AGENT_ID, skillId: SKILL_ID, channel: "sms", customerPhone: "+15555550188", simulate: true, persona },
        {},
        killed.url,
      );
      expect(created.status).toBe(200);
      // The simulated customer's first turn is stalled at the model: kill the server during it.
      await waitFor(
        async () => slow.requests.filter((r) => JSON.stringify(r.messages).includes(persona)).length,
        (n) => n >= 1,
      );
      await killed.kill();
      killed = await startApp(db.url, env, killed.port);
      const done = await waitForTerminal(created.body.id, 60_000, killed.url);
      expect(done.status).toBe("completed");
      const sids = done.messages.map((m: { sid: string }) => m.sid);
      expect(new Set(sids).size).toBe(sids.length);
      const said = done.messages.filter((m: Line) => !m.internal).map((m: Line) => m.sender);
      // Turns alternate: nothing was said twice.
      for (let i = 1; i < said.length; i++) expect(said[i], `message ${i} of ${said.join(",")}`).not.toBe(said[i - 1]);
    } finally {
      await killed.stop();
      await db.drop();
      await slow.close();
    }
  });
});
