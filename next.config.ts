import { readdirSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and WebAssembly-backed packages stay as Node requires instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
  turbopack: {
    // Swagger UI (/docs) renders OpenAPI 3.1 with ApiDOM, whose namespace packages attach `Element.refract`
    // in side-effect modules that Turbopack's ESM build drops ("refract is not a function",
    // swagger-api/swagger-ui#10599). Their CommonJS builds keep them.
    resolveAlias: Object.fromEntries(
      readdirSync(path.join(import.meta.dirname, "node_modules", "@swagger-api"))
        .filter((name) => name.startsWith("apidom-ns-"))
        .map((name) => [`@swagger-api/${name}`, `./node_modules/@swagger-api/${name}/src/index.cjs`]),
    ),
  },
  // Browsers ask for /favicon.ico before the streamed <link rel="icon"> arrives; answer with the app icon
  // instead of a 404 (which the e2e console check rightly counts as an error).
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/icon.svg" }];
  },
};

export default nextConfig;
