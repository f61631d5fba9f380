// Small helpers shared by the plain-Node scripts (they run before dependencies exist, so no imports
// from node_modules here).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
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

/** Installs dependencies when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const marker = join(root, "node_modules", ".package-lock.json");
  if (existsSync(marker) && existsSync(join(root, "node_modules", ".bin", "next"))) return;
  log("installing dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

export function gitCommit() {
  try {
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], {
      cwd: root,
      encoding: "utf8",
    }).trim();
    return dirty ? `${head}-dirty` : head;
  } catch {
    return "unknown";
  }
}
