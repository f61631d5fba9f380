// Generates both dialects' schemas and Prisma clients (offline: driver-adapter mode, no engines).
// Skips the work when prisma/models.prisma has not changed since the last run.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DIALECTS, writeSchemas } from "./prisma-schemas.mjs";
import { DIALECT_URLS, root } from "./lib.mjs";

writeSchemas();
const stamp = join(root, "prisma", "generated", ".stamp");
const hash = createHash("sha256")
  .update(readFileSync(join(root, "prisma", "models.prisma")))
  .update(readFileSync(join(root, "scripts", "prisma-schemas.mjs")))
  .digest("hex");
const upToDate =
  existsSync(stamp) &&
  readFileSync(stamp, "utf8") === hash &&
  DIALECTS.every((d) => existsSync(join(root, "prisma", "generated", d, "client", "client.ts")));

if (upToDate && !process.argv.includes("--force")) {
  console.log("prisma clients up to date");
} else {
  for (const dialect of DIALECTS) {
    // Prisma's output (including its preview-feature notices) is shown only when generation fails.
    try {
      execFileSync(join(root, "node_modules", ".bin", "prisma"), ["generate"], {
        cwd: root,
        stdio: "pipe",
        env: { ...process.env, DATABASE_URL: DIALECT_URLS[dialect] },
      });
    } catch (error) {
      console.error(`${error.stdout ?? ""}${error.stderr ?? ""}`);
      throw new Error(`prisma generate failed for ${dialect}`);
    }
  }
  writeFileSync(stamp, hash);
  console.log("prisma clients generated (sqlite, postgresql)");
}
