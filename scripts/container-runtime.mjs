// Assembles the container image's runtime tree from a finished build (run by the Dockerfile's build stage,
// after `next build` with CALLBOARD_STANDALONE=1):   node scripts/container-runtime.mjs OUT_DIR
//
// The image must serve the app and, at every start, migrate the database (scripts/prepare.ts through tsx,
// then `prisma migrate deploy`, which loads prisma.config.ts). Copying the whole build with its production
// dependencies made a 1.55 GB image; this keeps only:
//   - Next's standalone output (.next/standalone: server.js and the files it was traced to need), with
//     .next/static and public/ beside it, as Next's standalone server expects;
//   - the source files and packages that scripts/prepare.ts and prisma.config.ts import (found by letting
//     esbuild follow their imports, so a new import there is picked up without editing this list), plus
//     the prisma and tsx CLIs, each with its dependencies;
//   - both dialects' migrations and generated schemas;
// then removes what no start ever loads (type declarations, source maps, other databases' engines).
// scripts/container-smoke.sh runs the result on SQLite and on PostgreSQL.
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative } from "node:path";
import { root } from "./lib.mjs";

const out = process.argv[2];
if (!out) throw new Error("usage: node scripts/container-runtime.mjs OUT_DIR");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const copy = (from, to = from) => cpSync(join(root, from), join(out, to), { recursive: true, verbatimSymlinks: true });

// 1. The standalone server and the files it serves as they are.
const standalone = join(root, ".next", "standalone");
if (!existsSync(join(standalone, "server.js")))
  throw new Error("no .next/standalone/server.js: build with CALLBOARD_STANDALONE=1");
cpSync(standalone, out, { recursive: true, verbatimSymlinks: true });
copy(".next/static");
copy("public");

// 2. What the start's preparation imports: local files are copied as they are (tsx runs them), packages by name.
const { build } = await import("esbuild");
const entries = ["scripts/prepare.ts", "prisma.config.ts"];
const { metafile } = await build({
  absWorkingDir: root,
  entryPoints: entries,
  bundle: true,
  platform: "node",
  format: "esm",
  packages: "external",
  write: false,
  outdir: "/nonexistent",
  metafile: true,
  logLevel: "error",
});
const builtins = new Set(builtinModules);
const packages = new Set(["prisma", "tsx"]);
for (const [file, input] of Object.entries(metafile.inputs)) {
  copy(file);
  for (const { path, external } of input.imports) {
    // Relative ones left external are type-only imports, which tsx erases as esbuild did here.
    if (!external || /^(\.|\/|node:)/.test(path) || builtins.has(path.split("/")[0])) continue;
    packages.add(path.startsWith("@") ? path.split("/").slice(0, 2).join("/") : path.split("/")[0]);
  }
}
// Both dialects' migrations, and their generated schemas (read by the Prisma CLI) and clients (imported by
// prepare.ts through lib/db.ts, whichever dialect DATABASE_URL names).
for (const file of [
  "scripts/start.mjs",
  "scripts/lib.mjs",
  "tsconfig.json",
  "package.json",
  "prisma/migrations",
  "prisma/generated",
]) {
  copy(file);
}

// 3. Those packages with their dependencies, resolved the way Node does (nested node_modules first), whole:
// the standalone trace holds only the files the server loads (@prisma/debug's ESM build, not the CommonJS one
// the Prisma CLI requires), so a package copied here replaces any traced part of it.
function resolvePackage(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dir === root || dir === dirname(dir)) return null;
  }
}
const seen = new Set();
function include(name, fromDir) {
  const dir = resolvePackage(name, fromDir);
  if (!dir || seen.has(dir)) return dir;
  seen.add(dir);
  const target = join(out, relative(root, dir));
  cpSync(dir, target, { recursive: true, verbatimSymlinks: true });
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  for (const dep of Object.keys(manifest.dependencies ?? {})) {
    if (!include(dep, dir)) throw new Error(`${manifest.name} needs ${dep}, which is not installed`);
  }
  // Optional ones (esbuild's platform binary, fsevents) are included where this platform installed them.
  for (const dep of Object.keys(manifest.optionalDependencies ?? {})) include(dep, dir);
  return dir;
}
for (const name of packages) if (!include(name, root)) throw new Error(`${name} is imported at start but not installed`);
mkdirSync(join(out, "node_modules", ".bin"), { recursive: true });
for (const cli of ["prisma", "tsx"]) {
  const link = join(root, "node_modules", ".bin", cli);
  symlinkSync(readlinkSync(link), join(out, "node_modules", ".bin", cli));
}

// 4. Never loaded by a start.
const modules = join(out, "node_modules");
function prune(dir, drop) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (drop(entry, path)) rmSync(path, { recursive: true, force: true });
    else if (lstatSync(path).isDirectory()) prune(path, drop);
  }
}
prune(modules, (name) => /\.(d\.[cm]?ts|map|tsbuildinfo)$/.test(name) || /^(README|CHANGELOG|HISTORY)(\.md)?$/i.test(name));
// Prisma ships WebAssembly engines for five databases, and the legacy query engine beside the query
// compiler; the client (engineType "client") loads only the compiler, for SQLite or PostgreSQL, and the CLI's
// `migrate deploy` only the schema engine. `prisma generate` (and its copy of the client runtime) runs at
// build time, never at start.
const otherEngines = (name) => /^query_engine_bg\./.test(name) || /\.(mysql|sqlserver|cockroachdb)\./.test(name);
for (const dir of ["@prisma/client/runtime", "prisma/build"]) {
  if (existsSync(join(modules, dir))) prune(join(modules, dir), otherEngines);
}
rmSync(join(modules, "prisma", "prisma-client"), { recursive: true, force: true });
// better-sqlite3 is compiled in the build stage: its SQLite sources and the compiler's intermediate files
// (25 MB) stay there; the addon and lib/ are what loading it needs.
const sqlite = join(modules, "better-sqlite3");
const addon = join("build", "Release", "better_sqlite3.node");
const addonBytes = readFileSync(join(sqlite, addon));
for (const dir of ["build", "deps", "src"]) rmSync(join(sqlite, dir), { recursive: true, force: true });
mkdirSync(dirname(join(sqlite, addon)), { recursive: true });
writeFileSync(join(sqlite, addon), addonBytes, { mode: 0o755 });
// effect (@prisma/config's) and zod ship their TypeScript sources beside the JavaScript that Node loads; and
// effect's one user here, @prisma/config, is CommonJS, so effect's ES module build is never loaded either.
for (const dir of [
  "effect/src",
  "@prisma/config/node_modules/effect/src",
  "@prisma/config/node_modules/effect/dist/esm",
  "zod/src",
]) {
  rmSync(join(modules, dir), { recursive: true, force: true });
}
// The generated clients (moduleFormat "esm") import the query compiler's .mjs files by name; their CommonJS
// twins are for the older prisma-client-js generator. (Next bundles its own copy into .next/server.)
prune(join(modules, "@prisma", "client", "runtime"), (name) => /^query_compiler_bg\..+\.js$/.test(name));
// esbuild's install step copies its platform binary over bin/esbuild, for the CLI (11 MB twice). Its JS API,
// which tsx uses, runs the platform package's own; the CLI keeps working through a link to that one.
const esbuildCli = join(modules, "esbuild", "bin", "esbuild");
for (const platform of existsSync(join(modules, "@esbuild")) ? readdirSync(join(modules, "@esbuild")) : []) {
  const binary = join(modules, "@esbuild", platform, "bin", "esbuild");
  if (existsSync(binary) && existsSync(esbuildCli) && readFileSync(binary).equals(readFileSync(esbuildCli))) {
    rmSync(esbuildCli);
    symlinkSync(relative(dirname(esbuildCli), binary), esbuildCli);
  }
}
// sharp serves next/image's optimisation, which Callboard does not use; it stays once a page imports next/image.
const usesNextImage = (dir) =>
  readdirSync(join(root, dir), { recursive: true }).some(
    (file) => /\.tsx?$/.test(file) && readFileSync(join(root, dir, file), "utf8").includes('"next/image"'),
  );
if (!["app", "components"].some(usesNextImage)) {
  for (const dir of ["sharp", "@img"]) rmSync(join(modules, dir), { recursive: true, force: true });
}

console.log(`runtime tree in ${out}: ${packages.size} packages imported at start, ${seen.size} with their dependencies`);
