// compose.yaml shows every setting a self-hoster can make (the issue's promise, and the README's "compose.yaml
// lists every variable of Configuration"): each variable lib/env.ts reads, and each one the README's
// configuration table documents, appears in the callboard service, set or as a commented line with its
// default. The file's syntax is checked by scripts/container-smoke.sh with podman-compose.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

/** The callboard service's block: from `callboard:` to the next top-level service. */
function callboardService(compose: string): string {
  const start = compose.search(/^ {2}callboard:/m);
  expect(start, "compose.yaml has a callboard service").toBeGreaterThan(-1);
  const rest = compose.slice(start + 1);
  const end = rest.search(/^ {2}\S|^\S/m);
  return end === -1 ? rest : rest.slice(0, end);
}

/** Names set (`NAME: value`) or shown commented out (`# NAME: value`) in a compose environment block. */
function listed(block: string): Set<string> {
  return new Set([...block.matchAll(/^\s*(?:#\s*)?([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]));
}

describe("compose.yaml", () => {
  const inCompose = listed(callboardService(read("compose.yaml")));

  it("lists every variable lib/env.ts reads", () => {
    const fromEnv = [...read("lib/env.ts").matchAll(/^ {2}([A-Z][A-Z0-9_]*): z\b/gm)].map((m) => m[1]);
    expect(fromEnv.length).toBeGreaterThan(20);
    // NODE_ENV is the image's own (production), not a setting.
    const missing = fromEnv.filter((name) => name !== "NODE_ENV" && !inCompose.has(name));
    expect(missing, "add these to compose.yaml's callboard environment (commented, with their default)").toEqual([]);
  });

  it("lists every variable of the README's configuration table", () => {
    const readme = read("README.md");
    const table = readme.slice(
      readme.indexOf("## Configuration"),
      readme.indexOf("\n## ", readme.indexOf("## Configuration") + 1),
    );
    const rows = table.split("\n").filter((line) => line.startsWith("| `"));
    const documented = rows.flatMap((row) => [...row.split("|")[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]));
    expect(documented.length).toBeGreaterThan(20);
    expect(documented.filter((name) => !inCompose.has(name))).toEqual([]);
  });
});
