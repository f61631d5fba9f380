// No regular expression in the app can be made to backtrack for long (ReDoS): every one in the source
// the server and the dashboard run (lib/, server/, components/, app/ and the root modules) is found with
// the TypeScript parser and checked by recheck, a ReDoS checker. A new pattern is covered the day it is
// written; a pattern built at run time from a non-literal cannot be checked, so it fails this test too.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { check } from "recheck";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCE_DIRS = ["lib", "server", "components", "app"];
const ROOT_MODULES = ["proxy.ts", "instrumentation.ts"];

type Pattern = { where: string; source: string; flags: string };
type Dynamic = { where: string; code: string };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    // Tests never see user input; declaration files hold no code.
    return /\.tsx?$/.test(entry.name) && !/\.(test|spec|d)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const literalText = (node: ts.Node | undefined) =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

/** Regex literals, and RegExp(...) / new RegExp(...) calls, in one file. */
function patternsIn(file: string): { patterns: Pattern[]; dynamic: Dynamic[] } {
  const text = readFileSync(file, "utf8");
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const patterns: Pattern[] = [];
  const dynamic: Dynamic[] = [];
  const where = (node: ts.Node) =>
    `${path.relative(ROOT, file)}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(sourceFile);
      const end = literal.lastIndexOf("/");
      patterns.push({ where: where(node), source: literal.slice(1, end), flags: literal.slice(end + 1) });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "RegExp"
    ) {
      const [sourceArg, flagsArg] = node.arguments ?? [];
      const source = literalText(sourceArg);
      const flags = flagsArg === undefined ? "" : literalText(flagsArg);
      if (source !== undefined && flags !== undefined) patterns.push({ where: where(node), source, flags });
      else dynamic.push({ where: where(node), code: node.getText(sourceFile) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { patterns, dynamic };
}

const files = [
  ...SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir))),
  ...ROOT_MODULES.map((f) => path.join(ROOT, f)),
];
const found = files.map(patternsIn);
const patterns = found.flatMap((f) => f.patterns);

/**
 * The verdicts recheck gives that are not `safe`, with where each pattern is. One pattern at a time, each
 * with a minute: checked all at once on a busy 2-core machine, simple patterns ran out of recheck's
 * default 10 s and came back "unknown".
 */
async function unsafe(list: Pattern[]) {
  const verdicts = [];
  for (const p of list) {
    const diagnostics = await check(p.source, p.flags, { timeout: 60_000 });
    verdicts.push({
      ...p,
      status: diagnostics.status,
      detail: diagnostics.status === "vulnerable" ? diagnostics.attack.pattern : "",
    });
  }
  return verdicts.filter((v) => v.status !== "safe");
}

describe("regular expressions (ReDoS)", () => {
  it("finds the patterns in the source, with the parser", () => {
    // A walk that finds nothing would pass vacuously.
    expect(files.length).toBeGreaterThan(100);
    expect(patterns.length).toBeGreaterThan(20);
    expect(patterns).toContainEqual({
      where: expect.stringMatching(/^lib\/validation\.ts:/),
      source: "^\\+[1-9]\\d{6,14}$",
      flags: "",
    });
  });

  it("builds none at run time from text that is not a literal", () => {
    expect(found.flatMap((f) => f.dynamic)).toEqual([]);
  });

  it("has only patterns recheck proves safe", { timeout: 600_000 }, async () => {
    expect(await unsafe(patterns)).toEqual([]);
  });

  it("relies on zod formats recheck proves safe (e-mail, UUID)", { timeout: 60_000 }, async () => {
    const zodFormats = [z.email(), z.uuid()].map((schema) => {
      const pattern = schema._zod.def.pattern;
      if (!pattern) throw new Error("zod format without a pattern");
      return { where: `zod ${schema._zod.def.format}`, source: pattern.source, flags: pattern.flags };
    });
    expect(await unsafe(zodFormats)).toEqual([]);
  });

  it("tells a vulnerable pattern apart (the old template placeholder)", { timeout: 60_000 }, async () => {
    const old = { where: "lib/templates.ts before the scanner", source: "\\{\\{\\s*([^{}]*?)\\s*\\}\\}", flags: "g" };
    expect(await unsafe([old])).toMatchObject([{ status: "vulnerable" }]);
  });
});
