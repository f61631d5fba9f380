// The web chat widget's script (public/widget.js) goes as it is into other sites' pages: no build step
// shrinks or transpiles it. So it must stay small (under 20 KB gzipped) and be ES2017, which every
// browser the chat supports runs: newer syntax (optional chaining, ??, catch without a binding, object
// spread…) would be a syntax error in an older browser, and the whole widget would be missing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const source = readFileSync(path.join(import.meta.dirname, "..", "public", "widget.js"), "utf8");

/** Syntax from after ES2017 anywhere in the script, as "line: what". */
function newerSyntax(text: string): string[] {
  const file = ts.createSourceFile("widget.js", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) =>
    found.push(`${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}`);
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) {
      if (node.questionDotToken) at(node, "optional chaining (ES2020)");
    }
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.QuestionQuestionToken) at(node, "?? (ES2020)");
      if (
        op === ts.SyntaxKind.QuestionQuestionEqualsToken ||
        op === ts.SyntaxKind.BarBarEqualsToken ||
        op === ts.SyntaxKind.AmpersandAmpersandEqualsToken
      ) {
        at(node, "logical assignment (ES2021)");
      }
    }
    if (ts.isCatchClause(node) && !node.variableDeclaration) at(node, "catch without a binding (ES2019)");
    if ((ts.isSpreadAssignment(node) || ts.isObjectBindingPattern(node)) && node.getText().includes("...")) {
      at(node, "object rest/spread (ES2018)");
    }
    if (ts.isBigIntLiteral(node)) at(node, "BigInt (ES2020)");
    if (ts.isNumericLiteral(node) && node.getText().includes("_")) at(node, "numeric separator (ES2021)");
    if (ts.isPropertyDeclaration(node) || ts.isPrivateIdentifier(node)) at(node, "class fields (ES2022)");
    if (ts.isForOfStatement(node) && node.awaitModifier) at(node, "for await (ES2018)");
    if (ts.isRegularExpressionLiteral(node) && /\(\?<|\/[a-z]*s[a-z]*$/.test(node.text)) {
      at(node, "regex named groups, lookbehind or the s flag (ES2018)");
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("the widget's script", () => {
  it("is under 20 KB gzipped", () => {
    const size = gzipSync(Buffer.from(source)).length;
    expect(size).toBeGreaterThan(1000); // the real script, not an empty file
    expect(size).toBeLessThan(20 * 1024);
  });

  it("is ES2017, with no syntax from later years", () => {
    const parsed = ts.createSourceFile("widget.js", source, ts.ScriptTarget.ES2017, true, ts.ScriptKind.JS);
    expect((parsed as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
    expect(newerSyntax(source)).toEqual([]);
  });

  it("notices newer syntax (the check itself works)", () => {
    expect(newerSyntax("a?.b; a ?? b; try {} catch {} const o = { ...p }; x ||= 1;")).toHaveLength(5);
  });
});
