// Calls one agent action for the model: POSTs `{action, arguments, interactionId, agentId}` to its URL,
// signed like a webhook (Standard Webhooks headers, the agent's action secret), through the webhooks'
// guarded POST (SSRF rule at connect time, no redirects, the action's own timeout). The model reads
// the answer's body, up to 16 KB; a failure comes back as a sentence it can tell the customer about.
import { randomUUID } from "node:crypto";
import { guardedPost, httpProblem } from "@/server/webhooks/send";
import { webhookHeaders } from "@/server/webhooks/signing";
import type { EnabledAction } from "./queries";
import { agentActionSecret } from "./secret";

export type ActionOutcome = { ok: true; status: number; result: string } | { ok: false; error: string };

export async function invokeAction(
  action: Pick<EnabledAction, "name" | "url" | "timeoutMs">,
  args: unknown,
  context: { interactionId: string; agentId: string },
): Promise<ActionOutcome> {
  const body = JSON.stringify({
    action: action.name,
    arguments: args ?? {},
    interactionId: context.interactionId,
    agentId: context.agentId,
  });
  // A fresh id per call: a receiver that stores webhook-id can tell a repeated call from a replayed request.
  const headers = webhookHeaders(await agentActionSecret(context.agentId), randomUUID(), Math.floor(Date.now() / 1000), body);
  const sent = await guardedPost(action.url, headers, body, {
    timeoutMs: action.timeoutMs,
    kind: "action",
    userAgent: "Callboard-Actions/1.0",
  });
  if (sent.timedOut) return { ok: false, error: `The action did not answer within ${action.timeoutMs} ms.` };
  if (sent.error !== null || sent.status === null) return { ok: false, error: sent.error ?? "The request failed." };
  const problem = httpProblem(sent.status, sent.body, sent.location);
  if (problem) return { ok: false, error: problem };
  return { ok: true, status: sent.status, result: sent.body };
}
