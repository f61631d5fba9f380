// The write path of Create Call, in plain SQL through lib/sql.ts: it is the API's hottest path, and
// Prisma costs ~0.2–0.6 ms of CPU per query here (docs/benchmarks.md). One transaction checks the
// agent and skill, finds or creates the customer, records the interaction and its first status, and
// queues the engine's job and the call.created event. Column names follow prisma/models.prisma; the API tests cover every field.
import { randomUUID } from "node:crypto";
import { fieldError } from "@/lib/errors";
import { bool, type SqlTx, sqlTransaction } from "@/lib/sql";
import type { CustomerIdentity } from "@/server/customers/schema";
import { type AgentForCompose, composeInteraction } from "./compose";
import type { CallRow } from "./queries";
import type { CreateCallInput } from "./schema";
import { toCall } from "./serialize";
import { messageEventData, recordEvent } from "@/server/webhooks/outbox";
import { insertMessage } from "./messages";
import { createHash } from "node:crypto";
import { defaultBrain } from "@/server/brain";
import { messageSid } from "@/server/channels/simulator/script";
import { providerFor, transportFor } from "@/server/transports";
import { headerText, newThreadToken } from "@/server/transports/email/headers";
import { INBOUND_LANE, type Lane, LANES } from "@/server/engine/lanes";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

type AgentSqlRow = AgentForCompose & { active: unknown };

export async function loadAgentAndSkill(
  tx: SqlTx,
  agentId: string,
  skillId: string,
): Promise<{ agent: AgentForCompose; skillName: string }> {
  const agent = await tx.one<AgentSqlRow>(
    `SELECT id, name, lastname, nickname, email, phone, language, active, "voiceId", "voiceSpeed", "voiceStability",
            "initialMessage", "baseInstructions", "imageURL", "emailSubject" FROM "Agent" WHERE id = ?`,
    [agentId],
  );
  if (!agent) throw fieldError("agentId", `No agent has the id ${agentId}. List agents with GET /api/v1/agents.`);
  if (!bool(agent.active)) throw fieldError("agentId", `The agent ${agentId} is inactive. Activate it or pick another agent.`);
  const skill = await tx.one<{ active: unknown; assigned: unknown; name: string }>(
    `SELECT s.active AS active, s.name AS name, (SELECT count(*) FROM "AgentSkill" a WHERE a."agentId" = ? AND a."skillId" = s.id) AS assigned
       FROM "Skill" s WHERE s.id = ?`,
    [agentId, skillId],
  );
  if (!skill) throw fieldError("skillId", `No skill has the id ${skillId}. List skills with GET /api/v1/skills.`);
  if (Number(skill.assigned) === 0) {
    throw fieldError(
      "skillId",
      `The skill ${skillId} is not assigned to this agent. Assign it, or pick one of the agent's skills.`,
    );
  }
  if (!bool(skill.active)) throw fieldError("skillId", `The skill ${skillId} is inactive. Activate it or pick another skill.`);
  return { agent, skillName: skill.name };
}

type CustomerSqlRow = { id: string; name: string; phone: string | null; email: string | null; language: string | null };

/** Finds the customer by phone, then e-mail, filling in what they lacked; otherwise creates one. */
async function findOrCreateCustomer(tx: SqlTx, who: CustomerIdentity, now: Date): Promise<{ id: string; name: string }> {
  const byPhone = who.phone
    ? await tx.one<CustomerSqlRow>(`SELECT id, name, phone, email, language FROM "Customer" WHERE phone = ?`, [who.phone])
    : undefined;
  const existing =
    byPhone ??
    (who.email
      ? await tx.one<CustomerSqlRow>(`SELECT id, name, phone, email, language FROM "Customer" WHERE email = ?`, [who.email])
      : undefined);
  if (!existing) {
    const id = randomUUID();
    const name = who.name || who.phone || who.email || "Web visitor";
    await tx.run(
      `INSERT INTO "Customer" (id, name, "firstName", "lastName", phone, email, language, "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, name, who.firstName, who.lastName, who.phone, who.email, who.language, now, now],
    );
    return { id, name };
  }
  // Fill in a phone or e-mail only if no other customer holds it (both are unique); a name only if given.
  const phone = !existing.phone && who.phone ? who.phone : null;
  const email =
    !existing.email && who.email && !(await tx.one(`SELECT id FROM "Customer" WHERE email = ?`, [who.email])) ? who.email : null;
  const language = !existing.language && who.language ? who.language : null;
  if (phone || email || language || (who.name && who.name !== existing.name)) {
    await tx.run(
      `UPDATE "Customer" SET phone = COALESCE(?, phone), email = COALESCE(?, email), language = COALESCE(?, language),
              name = COALESCE(?, name), "firstName" = COALESCE(?, "firstName"), "lastName" = COALESCE(?, "lastName"), "updatedAt" = ?
        WHERE id = ?`,
      [
        phone,
        email,
        language,
        who.name || null,
        who.name ? who.firstName : null,
        who.name ? who.lastName : null,
        now,
        existing.id,
      ],
    );
  }
  return { id: existing.id, name: who.name || existing.name };
}

/** How an interaction is run: by whom (provider, brain) and who started it. */
export type InsertOptions = {
  idempotencyKeyId?: string;
  /** The engine's queue lane (server/engine/lanes.ts); inbound interactions default to interactive, others to the API lane. */
  lane?: Lane;
  /**
   * The customer started it: by web chat, a text or an e-mail (whose first message is stored with the
   * interaction), or a phone call. `externalId` is the provider's id for the interaction (a CallSid) and
   * `messageExternalId` for the first message (a MessageSid, a Message-ID).
   */
  inbound?: {
    firstMessage?: string;
    externalId?: string;
    messageExternalId?: string;
    mediaUrl?: string;
    /** An e-mail's subject: the thread continues under it ("Re: …") instead of the agent's template. */
    subject?: string;
    /** An e-mail's envelope (JSON, see emailEnvelopeSchema) and its original, stored with the first message. */
    email?: string;
    original?: string;
  };
  /**
   * More writes in the same transaction once the interaction exists (an e-mail's receipt, which makes a
   * second copy of the same message fail as a whole instead of starting a second interaction).
   */
  also?: (tx: SqlTx, row: CallRow) => Promise<void>;
};

/** The simulator runs every channel without a real provider, and any interaction asked to simulate. */
function runBy(input: CreateCallInput, inbound: boolean) {
  const provider = providerFor(input.channel, { simulate: input.simulate, inbound });
  const brain = defaultBrain();
  // Without a model, a simulated interaction plays the fixed script, exactly as before engine v2.
  const jobKind = provider === "simulator" && brain === "scripted" ? "simulate" : "start";
  return { provider, brain, jobKind, simulated: provider === "simulator" };
}

/**
 * Records the interaction and queues its work in one transaction; returns the row as findCall would.
 * With an idempotency claim, the key is bound to the new interaction in the same transaction.
 */
export function insertCall(
  input: CreateCallInput,
  { idempotencyKeyId, inbound, also, lane = inbound ? INBOUND_LANE : { lane: LANES.api, key: null } }: InsertOptions = {},
): Promise<CallRow> {
  return sqlTransaction(async (tx) => {
    const now = new Date();
    const { agent, skillName } = await loadAgentAndSkill(tx, input.agentId, input.skillId);
    const c = composeInteraction(agent, input, skillName);
    const customer = await findOrCreateCustomer(tx, c.customer, now);
    const id = randomUUID();
    const run = runBy(input, Boolean(inbound));
    if (!inbound) {
      await transportFor(run.provider)?.check?.(tx, {
        channel: input.channel,
        agentId: agent.id,
        skillId: input.skillId,
        agentPhone: c.agent.phone,
        agentEmail: c.agent.email,
        customerPhone: c.customer.phone,
        customerEmail: c.customer.email,
      });
    }
    const direction = inbound ? "inbound" : "outbound";
    const isEmail = input.channel === "email";
    const subject = isEmail ? headerText(inbound?.subject ?? c.rendered.subject, 250) || skillName : null;
    const threadToken = isEmail ? newThreadToken() : null;
    const firstMessage =
      inbound?.firstMessage !== undefined
        ? {
            seq: 0,
            sid: messageSid(input.channel, id, 0, sha),
            sender: "customer",
            senderName: null,
            internal: false,
            content: inbound.firstMessage,
            mediaUrl: inbound.mediaUrl ?? null,
            status: "received",
            externalId: inbound.messageExternalId ?? null,
            error: null,
            email: inbound.email ?? null,
            timestamp: now,
          }
        : null;
    const row: CallRow = {
      id,
      channel: input.channel,
      status: "queued",
      agentId: agent.id,
      skillId: input.skillId,
      customerId: customer.id,
      customerName: customer.name,
      customerPhone: c.customer.phone,
      customerEmail: c.customer.email,
      agentPhone: c.agent.phone,
      agentEmail: c.agent.email,
      effectiveAgent: JSON.stringify(c.agent),
      customFields: JSON.stringify(c.customFields),
      initialMessage: c.rendered.initialMessage,
      prompt: c.rendered.prompt,
      unresolvedVariables: JSON.stringify(c.unresolved),
      transcription: null,
      hasRecording: false,
      durationSeconds: null,
      note: null,
      analysis: null,
      provider: run.provider,
      externalId: inbound?.externalId ?? null,
      simulated: run.simulated,
      direction,
      brain: run.brain,
      persona: input.persona ?? null,
      needsPerson: false,
      handoffReason: null,
      takenOverById: null,
      takenOverByName: null,
      promptTokens: 0,
      completionTokens: 0,
      providerPrice: null,
      providerPriceUnit: null,
      endReason: null,
      subject,
      createdAt: now,
      updatedAt: now,
      startedAt: null,
      endedAt: null,
      messages: firstMessage ? [firstMessage] : [],
      history: [{ fromStatus: null, toStatus: "queued", actor: "api", reason: "created", createdAt: now }],
    };
    const searchText = [customer.name, c.customer.phone, c.customer.email].filter(Boolean).join(" ").toLowerCase();
    await tx.run(
      `INSERT INTO "Interaction" (id, channel, status, "agentId", "skillId", "customerId", "customerName", "customerPhone",
         "customerEmail", "agentPhone", "agentEmail", "effectiveAgent", "customFields", "initialMessage", prompt,
         "unresolvedVariables", "hasRecording", provider, simulated, direction, brain, persona, "searchText", "createdAt",
         "updatedAt", "lastActivityAt", "externalId", subject, "threadToken", lane, "laneKey")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        row.channel,
        row.status,
        row.agentId,
        row.skillId,
        row.customerId,
        row.customerName,
        row.customerPhone,
        row.customerEmail,
        row.agentPhone,
        row.agentEmail,
        row.effectiveAgent,
        row.customFields,
        row.initialMessage,
        row.prompt,
        row.unresolvedVariables,
        false,
        row.provider,
        row.simulated,
        direction,
        row.brain,
        row.persona,
        searchText,
        now,
        now,
        now,
        inbound?.externalId ?? null,
        subject,
        threadToken,
        lane.lane,
        lane.key,
      ],
    );
    await tx.run(
      `INSERT INTO "StatusChange" (id, "interactionId", "fromStatus", "toStatus", reason, actor, "createdAt") VALUES (?, ?, NULL, 'queued', 'created', 'api', ?)`,
      [randomUUID(), id, now],
    );
    await tx.run(
      `INSERT INTO "Job" (id, "interactionId", kind, state, step, "runAt", attempts, "createdAt", "updatedAt") VALUES (?, ?, ?, 'pending', 0, ?, 0, ?, ?)`,
      [randomUUID(), id, run.jobKind, now, now, now],
    );
    if (firstMessage) {
      await insertMessage(tx, { ...firstMessage, interactionId: id, original: inbound?.original ?? null });
    }
    await recordEvent(tx, "call.created", id, await toCall(row));
    if (firstMessage) await recordEvent(tx, "call.message", id, messageEventData(id, firstMessage));
    if (idempotencyKeyId) {
      await tx.run(`UPDATE "IdempotencyKey" SET "interactionId" = ? WHERE id = ?`, [id, idempotencyKeyId]);
    }
    await also?.(tx, row);
    return row;
  });
}
