// Writes a past history straight into the database (SQLite file or PostgreSQL), as the app itself
// would have stored it: interactions at chosen instants with their analysis columns, and their
// messages. The API cannot backdate an interaction, and analytics is about the past.
import { randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

export type SeedMessage = { sender: "agent" | "customer" | "staff" | "tool"; at: string; content: string; internal?: boolean };

export type SeedInteraction = {
  id?: string;
  channel: "call" | "sms" | "whatsapp" | "email" | "webchat";
  status: string;
  agentId: string;
  skillId: string;
  customerName: string;
  /** ISO instant, e.g. 2026-03-02T10:15:00.000Z */
  createdAt: string;
  direction?: "inbound" | "outbound";
  durationSeconds?: number | null;
  successful?: boolean | null;
  sentiment?: "positive" | "neutral" | "negative" | "unknown" | null;
  needsPerson?: boolean;
  simulated?: boolean;
  promptTokens?: number;
  completionTokens?: number;
  /** What Twilio charged, as the price job stores it (positive, in the account's currency). */
  providerPrice?: number | null;
  messages?: SeedMessage[];
};

const COLUMNS = [
  "id",
  "channel",
  "status",
  "agentId",
  "skillId",
  "customerId",
  "customerName",
  "effectiveAgent",
  "direction",
  "durationSeconds",
  "successful",
  "sentiment",
  "needsPerson",
  "simulated",
  "provider",
  "promptTokens",
  "completionTokens",
  "providerPrice",
  "createdAt",
  "updatedAt",
  "lastActivityAt",
];
const MESSAGE_COLUMNS = ["id", "interactionId", "seq", "sid", "sender", "internal", "content", "status", "timestamp"];

type Value = string | number | boolean | null | Date;
type Row = { table: string; columns: string[]; values: Value[] };

function rowsOf(customerId: string, items: SeedInteraction[]): Row[] {
  const rows: Row[] = [];
  for (const item of items) {
    const id = item.id ?? randomUUID();
    const created = new Date(item.createdAt);
    const simulated = item.simulated ?? false;
    rows.push({
      table: "Interaction",
      columns: COLUMNS,
      values: [
        id,
        item.channel,
        item.status,
        item.agentId,
        item.skillId,
        customerId,
        item.customerName,
        "{}",
        item.direction ?? "outbound",
        item.durationSeconds ?? null,
        item.successful ?? null,
        item.sentiment ?? null,
        item.needsPerson ?? false,
        simulated,
        simulated ? "simulator" : item.channel === "webchat" ? "webchat" : "twilio",
        item.promptTokens ?? 0,
        item.completionTokens ?? 0,
        item.providerPrice ?? null,
        created,
        created,
        created,
      ],
    });
    for (const [i, m] of (item.messages ?? []).entries()) {
      rows.push({
        table: "Message",
        columns: MESSAGE_COLUMNS,
        values: [
          randomUUID(),
          id,
          i + 1,
          `SM${randomUUID().replace(/-/g, "")}`,
          m.sender,
          m.internal ?? false,
          m.content,
          "delivered",
          new Date(m.at),
        ],
      });
    }
  }
  return rows;
}

const insertSql = (r: Row, placeholder: (i: number) => string) =>
  `INSERT INTO "${r.table}" (${r.columns.map((c) => `"${c}"`).join(", ")}) VALUES (${r.columns.map((_, i) => placeholder(i)).join(", ")})`;

/** Inserts the interactions (and one customer they belong to) in one transaction. */
export async function seedHistory(databaseUrl: string, items: SeedInteraction[]): Promise<void> {
  const customerId = randomUUID();
  const first = new Date(Math.min(...items.map((i) => Date.parse(i.createdAt))));
  const customer: Row = {
    table: "Customer",
    columns: ["id", "name", "createdAt", "updatedAt"],
    // The customer became one with their first interaction.
    values: [customerId, items[0]?.customerName ?? "Customer", first, first],
  };
  const rows = [customer, ...rowsOf(customerId, items)];
  if (databaseUrl.startsWith("file:")) {
    // Prisma's SQLite adapter stores DateTime as ISO text with +00:00 and booleans as 0/1.
    const encode = (v: Value) =>
      v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? (v ? 1 : 0) : v;
    const db = new Database(path.resolve(databaseUrl.slice("file:".length)), { timeout: 10_000 });
    try {
      db.transaction(() => {
        for (const r of rows) db.prepare(insertSql(r, () => "?")).run(...r.values.map(encode));
      })();
    } finally {
      db.close();
    }
    return;
  }
  // Postgres columns are timestamp(3) without a zone, holding UTC.
  const encode = (v: Value) => (v instanceof Date ? v.toISOString().replace("Z", "") : v);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const r of rows)
      await client.query(
        insertSql(r, (i) => `$${i + 1}`),
        r.values.map(encode),
      );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
