// Reads the route handlers the way Next.js serves them: every app/api/**/route.ts file, its URL in
// OpenAPI style, and the HTTP methods it really implements (exports made by methodNotAllowed(), which
// answer 405, are not implemented methods). The OpenAPI coverage test compares these with the document.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { ROOT } from "./app";

const HTTP_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

/** Who may call a method, as its `route({ auth })` says; a plain exported function is public; "unknown" is neither. */
export type RouteAuth = "public" | "api" | "staff" | "admin" | "unknown";

export type RouteFile = {
  file: string;
  path: string;
  methods: string[];
  notAllowedArgument: string[] | null;
  auth: Record<string, RouteAuth>;
};

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

const isMethodNotAllowedCall = (node: ts.Expression | undefined): node is ts.CallExpression =>
  !!node && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "methodNotAllowed";

const exported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The `auth` of a `route({ auth: "…" }, fn)` call, or "unknown" for any other initializer. */
function routeAuthOf(node: ts.Expression | undefined): RouteAuth {
  if (!node || !ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return "unknown";
  // Twilio's webhooks carry no credentials: twilioWebhook() checks Twilio's signature instead.
  if (node.expression.text === "twilioWebhook") return "public";
  if (node.expression.text !== "route") return "unknown";
  const [options] = node.arguments;
  if (!options || !ts.isObjectLiteralExpression(options)) return "unknown";
  for (const prop of options.properties) {
    if (
      ts.isPropertyAssignment(prop) &&
      ts.isIdentifier(prop.name) &&
      prop.name.text === "auth" &&
      ts.isStringLiteral(prop.initializer)
    )
      return prop.initializer.text as RouteAuth;
  }
  return "unknown";
}

/** The methods a route module exports, split into implemented ones and methodNotAllowed() stand-ins. */
function readMethods(source: ts.SourceFile) {
  const auth: Record<string, RouteAuth> = {};
  const implemented = new Set<string>();
  const notAllowed = new Set<string>();
  const localNotAllowed = new Set<string>();
  let notAllowedArgument: string[] | null = null;
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && exported(statement) && statement.name) {
      implemented.add(statement.name.text);
      auth[statement.name.text] = "public";
    }
    if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        if (ts.isIdentifier(decl.name)) {
          if (exported(statement)) {
            implemented.add(decl.name.text);
            auth[decl.name.text] = routeAuthOf(decl.initializer);
          }
        } else if (ts.isObjectBindingPattern(decl.name) && isMethodNotAllowedCall(decl.initializer)) {
          const names = decl.name.elements.map((e) => (e.name as ts.Identifier).text);
          for (const n of names) (exported(statement) ? notAllowed : localNotAllowed).add(n);
          const [list] = decl.initializer.arguments;
          if (list && ts.isArrayLiteralExpression(list))
            notAllowedArgument = list.elements.map((e) => (e as ts.StringLiteral).text);
        }
      }
    }
    // `const { PUT } = methodNotAllowed(...); export { PUT };`
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const el of statement.exportClause.elements) {
        const local = (el.propertyName ?? el.name).text;
        (localNotAllowed.has(local) ? notAllowed : implemented).add(el.name.text);
      }
    }
  }
  return {
    implemented: [...implemented].filter((m) => HTTP_METHODS.has(m)),
    notAllowed: [...notAllowed],
    notAllowedArgument,
    auth,
  };
}

/** Every API route file except the catch-all 404 (app/api/[...path]). */
export function apiRoutes(): RouteFile[] {
  const apiDir = path.join(ROOT, "app", "api");
  return routeFiles(apiDir)
    .filter((file) => !file.includes(`${path.sep}[...`))
    .map((file) => {
      const rel = path.relative(path.join(ROOT, "app"), path.dirname(file));
      const urlPath = `/${rel.split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
      const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
      const { implemented, notAllowedArgument, auth } = readMethods(source);
      return { file: path.relative(ROOT, file), path: urlPath, methods: implemented.sort(), notAllowedArgument, auth };
    });
}
