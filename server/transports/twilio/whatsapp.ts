// WhatsApp's 24-hour rule: a business may write freely only within 24 hours of the customer's last
// message. Outside that window the first message must be an approved template (a Content SID, HX…),
// whose variables Callboard fills from the customer and the interaction's custom fields. Create Call
// checks the rule up front (422 with the rule explained), and the send checks it again.
import { db } from "@/lib/db";
import { fieldError } from "@/lib/errors";
import type { SqlTx } from "@/lib/sql";
import type { CustomField } from "@/server/calls/schema";
import type { Carried } from "../types";

export const WINDOW_MS = 24 * 60 * 60 * 1000;

const lastCustomerMessageSql = `SELECT m.timestamp AS at FROM "Message" m JOIN "Interaction" i ON i.id = m."interactionId"
  WHERE i.channel = 'whatsapp' AND i."customerPhone" = ? AND m.sender = 'customer' AND m.timestamp > ?
  ORDER BY m.timestamp DESC LIMIT 1`;

const templateSql = `SELECT s."whatsappTemplateSid" AS skill, a."whatsappTemplateSid" AS agent
  FROM "Agent" a, "Skill" s WHERE a.id = ? AND s.id = ?`;

type TemplateRow = { skill: string | null; agent: string | null };

/** The skill's template, else the agent's. */
const pick = (row: TemplateRow | undefined | null) => row?.skill || row?.agent || null;

/** Create Call's check: outside the window, an outbound WhatsApp needs a template, or it cannot start. */
export async function requireWhatsappOpening(tx: SqlTx, who: { agentId: string; skillId: string; customerPhone: string }) {
  const since = new Date(Date.now() - WINDOW_MS);
  if (await tx.one(lastCustomerMessageSql, [who.customerPhone, since])) return;
  if (pick(await tx.one<TemplateRow>(templateSql, [who.agentId, who.skillId]))) return;
  throw fieldError(
    "channel",
    "WhatsApp only allows a business to write first with an approved message template: this customer has not written in the last 24 hours. Set whatsappTemplateSid (a Content SID, HX…) on the skill or the agent, or wait for the customer to write.",
  );
}

/** The template the first message must use, or null when the customer wrote within 24 hours. */
export async function templateFor(call: Carried): Promise<string | null> {
  if (!call.customerPhone) return null;
  const recent = await db.message.findFirst({
    where: {
      sender: "customer",
      timestamp: { gt: new Date(Date.now() - WINDOW_MS) },
      interaction: { channel: "whatsapp", customerPhone: call.customerPhone },
    },
    select: { id: true },
  });
  if (recent) return null;
  const [skill, agent] = await Promise.all([
    db.skill.findUnique({ where: { id: call.skillId }, select: { whatsappTemplateSid: true } }),
    db.agent.findUnique({ where: { id: call.agentId }, select: { whatsappTemplateSid: true } }),
  ]);
  return pick({ skill: skill?.whatsappTemplateSid ?? null, agent: agent?.whatsappTemplateSid ?? null });
}

/**
 * The template's variables: "1" is the customer's name (the usual greeting slot), then every custom
 * field and the customer's details by name, for templates that use named variables.
 */
export async function templateVariables(call: Carried): Promise<Record<string, string>> {
  const row = await db.interaction.findUnique({
    where: { id: call.id },
    select: { customFields: true, customer: { select: { firstName: true, lastName: true } } },
  });
  const fields = JSON.parse(row?.customFields ?? "[]") as CustomField[];
  const vars: Record<string, string> = { "1": row?.customer.firstName || call.customerName };
  for (const field of fields) vars[field.name] = String(field.value);
  return {
    ...vars,
    customerName: call.customerName,
    firstName: row?.customer.firstName ?? "",
    lastName: row?.customer.lastName ?? "",
    phoneNumber: call.customerPhone ?? "",
  };
}
