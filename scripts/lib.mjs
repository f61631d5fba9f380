// Small helpers shared by the plain-Node scripts (they run before dependencies exist, so no imports
// from node_modules here).
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Placeholder URLs that let the Prisma CLI read each dialect's schema (it needs env("DATABASE_URL")). */
export const DIALECT_URLS = {
  sqlite: "file:./data/callboard.db",
  postgresql: "postgresql://postgres@127.0.0.1:5432/postgres",
};

export function dialectOf(url) {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

export function log(message) {
  console.log(`[callboard] ${message}`);
}

export function bin(name) {
  return join(root, "node_modules", ".bin", name);
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...opts });
  if (r.status !== 0) {
    const what = [cmd, ...args].join(" ");
    throw new Error(`command failed (${r.status ?? r.signal}): ${what}`);
  }
}

/** Installs dependencies when node_modules is missing or was installed from another lock file. */
export function ensureDependencies() {
  const stamp = join(root, "node_modules", ".callboard-lock");
  const lock = createHash("sha256")
    .update(readFileSync(join(root, "package-lock.json")))
    .digest("hex");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === lock && existsSync(bin("next"))) return;
  // `npm install`, not `npm ci`: the lock file lists other platforms' optional binaries without
  // versions (as this registry serves them), which `npm ci` refuses; `--no-save` leaves the lock as is.
  log("installing dependencies (npm install)… the first time this compiles better-sqlite3 and takes a few minutes");
  run("npm", ["install", "--no-audit", "--no-fund", "--no-save"]);
  writeFileSync(stamp, lock);
}

/** Identifies the source a build was made from: the commit plus any uncommitted change to tracked files. */
export function sourceVersion() {
  try {
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const diff = execFileSync("git", ["diff", "HEAD", "--", ".", ":(exclude)package-lock.json"], { cwd: root, encoding: "utf8" });
    return diff ? `${head}+${createHash("sha256").update(diff).digest("hex").slice(0, 12)}` : head;
  } catch {
    return `unversioned-${Date.now()}`;
  }
}
