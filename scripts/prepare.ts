// Brings the configured database up to date before the server starts: validates the configuration,
// applies migrations, seeds the demo data, and creates the bootstrap API credential and admin (once:
// server/auth/bootstrap.ts).
// Generated secrets are printed here, once. Run by scripts/start.mjs (and `npm run db:migrate`).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { env, dialect } from "@/lib/env";
import { waitForDatabase } from "./wait-for-database";

/** Applies pending migrations. Prisma's chatter is shown only when it fails. */
function migrate() {
  try {
    execFileSync(path.join("node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
      stdio: "pipe",
      env: { ...process.env, DATABASE_URL: env.DATABASE_URL },
    });
  } catch (error) {
    const output = error as { stdout?: Buffer; stderr?: Buffer };
    console.error(`${output.stdout ?? ""}${output.stderr ?? ""}`);
    throw new Error(`migrations failed for ${dialect}; see Prisma's output above`);
  }
}

async function main() {
  const only = process.argv[2];
  await waitForDatabase();
  migrate();
  console.log(`[callboard] database ready (${dialect})`);
  if (only === "migrate") return;

  const { db } = await import("@/lib/db");
  if (dialect === "sqlite") {
    // WAL lets readers proceed while the one writer commits; it is a property of the file, set once.
    await db.$queryRaw`PRAGMA journal_mode = WAL`;
  }
  const { seedDemoData } = await import("@/prisma/seed");
  const { bootstrapAdmin, bootstrapCredential } = await import("@/server/auth/bootstrap");
  const { appSecret } = await import("@/lib/signing");
  await seedDemoData();
  await appSecret();
  const { generated: credential, notice: credentialNotice } = await bootstrapCredential(env.API_USERNAME, env.API_PASSWORD);
  const { generated: admin, notice: adminNotice } = await bootstrapAdmin(env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
  for (const notice of [credentialNotice, adminNotice]) if (notice) console.log(`[callboard] ${notice}`);
  if (credential || admin) {
    const lines = ["", "================ Callboard: generated credentials (shown once) ================"];
    if (credential) lines.push(`  API (HTTP Basic)   username: ${credential.username}   password: ${credential.password}`);
    if (admin) lines.push(`  Dashboard admin    email: ${admin.email}   password: ${admin.password}`);
    lines.push("  Save them now. Set API_USERNAME/API_PASSWORD and ADMIN_EMAIL/ADMIN_PASSWORD to choose your own.");
    lines.push("================================================================================", "");
    console.log(lines.join("\n"));
  }
  await db.$disconnect();
}

main().catch((error) => {
  console.error(`[callboard] could not prepare the database: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
