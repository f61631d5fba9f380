// `npm run dev`: the same preparation as `npm start`, then Next's development server with hot reload.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { bin, ensureDependencies, log, root, run } from "./lib.mjs";

ensureDependencies();
run(process.execPath, [join("scripts", "db-generate.mjs")]);
run(bin("tsx"), [join("scripts", "prepare.ts")]);
const port = process.env.PORT ?? "3000";
log(`development server on http://localhost:${port}`);
const server = spawn(bin("next"), ["dev", "-p", port], { cwd: root, stdio: "inherit" });
server.on("exit", (code) => process.exit(code ?? 0));
