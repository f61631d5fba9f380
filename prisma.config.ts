// Prisma CLI configuration: driver-adapter mode with the WebAssembly engines shipped in npm,
// so `prisma generate` and `prisma migrate deploy` run offline (see README, "Database").
// The dialect follows DATABASE_URL; each dialect has its own generated schema and migrations.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { dialect, env } from "./lib/env";
import { migrationAdapterFactory } from "./lib/db-adapter";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "generated", dialect, "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations", dialect) },
  adapter: async () => migrationAdapterFactory(dialect, env.DATABASE_URL),
});
