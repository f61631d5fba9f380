// `npx tsx bench/create-call.micro.ts`: where a Create Call's CPU goes, measured in-process (no HTTP,
// no worker) on a fresh SQLite database. Not part of `npm run bench`; docs/benchmarks.md quotes it.
// Each line runs one operation sequentially for at most MAX_OPS times or MAX_MS, and prints its mean.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { newDatabase, prepareDatabase, ROOT } from "../tests/support/app";

const MAX_OPS = 2_000;
const MAX_MS = 4_000;

type SqliteStatement = { get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] };
type SqliteDatabase = { prepare(sql: string): SqliteStatement; close(): void };
const Database = createRequire(import.meta.url)("better-sqlite3") as new (file: string) => SqliteDatabase;

async function time(label: string, op: () => unknown | Promise<unknown>) {
  for (let i = 0; i < 20; i++) await op(); // warm-up
  const t0 = performance.now();
  let n = 0;
  while (n < MAX_OPS && performance.now() - t0 < MAX_MS) {
    await op();
    n++;
  }
  const per = (performance.now() - t0) / n;
  console.log(`${label.padEnd(64)} ${per >= 1 ? `${per.toFixed(2)} ms` : `${(per * 1000).toFixed(0)} µs`}  (${n} runs)`);
  return per;
}

async function main() {
  const database = await newDatabase("sqlite");
  prepareDatabase(database.url);
  // lib/env reads process.env when first imported: point it at the fresh database first.
  process.env.DATABASE_URL = database.url;
  process.env.LOG_LEVEL = "warn";
  const { db } = await import("@/lib/db");
  const { createCallSchema } = await import("@/server/calls/schema");
  const { createCall, getCall } = await import("@/server/calls/service");
  const { findAgent } = await import("@/server/agents/queries");
  const { findCall } = await import("@/server/calls/queries");
  const { REFERENCE_ID } = await import("./db");

  const body: unknown = JSON.parse(readFileSync(path.join(ROOT, "docs", "reference", "create-call.request.json"), "utf8"));
  const input = createCallSchema.parse(body);
  const created = await createCall(input);
  const raw = new Database(database.url.replace(/^file:/, ""));
  const rawCall = raw.prepare(`SELECT * FROM "Interaction" WHERE "id" = ?`);
  const rawMessages = raw.prepare(`SELECT * FROM "Message" WHERE "interactionId" = ? ORDER BY "seq"`);
  const rawCredential = raw.prepare(`SELECT "id","secretHash" FROM "ApiCredential" WHERE "username" = ?`);

  console.log(`in-process, sequential, SQLite, node ${process.version}`);
  const parse = await time("zod: createCallSchema.parse(contract body)", () => createCallSchema.parse(body));
  const rawOne = await time("better-sqlite3 directly: one indexed SELECT", () => rawCredential.get("test-integrator"));
  const rawRead = await time("better-sqlite3 directly: call row + its messages (2 SELECTs)", () => {
    rawCall.get(created.id);
    rawMessages.all(created.id);
  });
  const prismaOne = await time("Prisma: apiCredential.findUnique (one indexed SELECT)", () =>
    db.apiCredential.findUnique({ where: { username: "test-integrator" }, select: { id: true, secretHash: true } }),
  );
  const prismaRaw = await time(
    "Prisma: $queryRaw (the same SELECT, no query compilation)",
    () => db.$queryRaw`SELECT "id", "secretHash" FROM "ApiCredential" WHERE "username" = ${"test-integrator"}`,
  );
  const prismaRead = await time("Prisma: findCall (call row + messages)", () => findCall(created.id));
  await time("Prisma: findAgent (agent + skills)", () => findAgent(REFERENCE_ID));
  await time("service: getCall (findCall + toCall)", () => getCall(created.id));
  const emptyTx = await time("Prisma: empty interactive transaction", () => db.$transaction(async () => null));
  const create = await time("service: createCall (no HTTP, no worker)", () => createCall(input));
  console.log("");
  console.log(
    `Prisma's overhead per simple query: ${((prismaOne - rawOne) * 1000).toFixed(0)} µs (raw driver ${(rawOne * 1000).toFixed(0)} µs)`,
  );
  console.log(`Prisma $queryRaw overhead per query: ${((prismaRaw - rawOne) * 1000).toFixed(0)} µs`);
  console.log(`Prisma findCall vs the same two SELECTs on the driver: ${(prismaRead / rawRead).toFixed(0)}×`);
  console.log(
    `createCall ≈ ${(create / prismaOne).toFixed(1)} simple Prisma queries' worth of CPU; zod parse is ${((parse / create) * 100).toFixed(1)}% of it; an empty transaction ${(emptyTx * 1000).toFixed(0)} µs`,
  );
  raw.close();
  await db.$disconnect();
  await database.drop();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
