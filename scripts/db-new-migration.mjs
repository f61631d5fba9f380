// Authors a new migration for both dialects from the change to prisma/models.prisma.
// `prisma migrate dev` cannot run in driver-adapter mode (it needs a shadow database), so this
// diffs the model file as of git HEAD (or nothing, for the first migration) against the working tree.
// Usage: npm run db:new-migration -- <name>
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIALECTS, schemaPath, writeSchemas } from "./prisma-schemas.mjs";
import { DIALECT_URLS, bin, root } from "./lib.mjs";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>");
  process.exit(2);
}
writeSchemas();
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);

for (const dialect of DIALECTS) {
  const dir = join(root, "prisma", "migrations", dialect);
  const hasMigrations = existsSync(dir) && readdirSync(dir).some((f) => /^\d/.test(f));
  let from = ["--from-empty"];
  if (hasMigrations) {
    const previous = execFileSync("git", ["show", "HEAD:prisma/models.prisma"], { cwd: root, encoding: "utf8" });
    const current = execFileSync("cat", [schemaPath(dialect)], { encoding: "utf8" });
    const header = current.slice(0, current.indexOf("\nmodel "));
    const tmp = join(mkdtempSync(join(tmpdir(), "cb-mig-")), "schema.prisma");
    writeFileSync(tmp, `${header}\n${previous}`);
    from = ["--from-schema-datamodel", tmp];
  }
  const sql = execFileSync(
    bin("prisma"),
    ["migrate", "diff", ...from, "--to-schema-datamodel", schemaPath(dialect), "--script"],
    { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: DIALECT_URLS[dialect] } },
  );
  const target = join(dir, `${stamp}_${name}`);
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, "migration.sql"), sql);
  writeFileSync(join(dir, "migration_lock.toml"), `provider = "${dialect}"\n`);
  console.log(`wrote ${target}/migration.sql`);
}
