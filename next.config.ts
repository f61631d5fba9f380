import { readdirSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The container image (Dockerfile) builds with CALLBOARD_STANDALONE=1: Next then copies only the files the
  // server needs into .next/standalone, which keeps the image small. `npm start` and the tests serve with
  // `next start`, which warns about (and does not need) a standalone build, so it stays off there.
  ...(process.env.CALLBOARD_STANDALONE === "1" && { output: "standalone" as const }),
  experimental: {
    // Each image build starts afresh, so Turbopack's build cache would only cost a minute to write.
    ...(process.env.CALLBOARD_STANDALONE === "1" && { turbopackFileSystemCacheForBuild: false }),
    // The proxy (proxy.ts) sees every request, and Next cuts bodies past this size for it: room for a
    // knowledge base's 20 MB upload (KNOWLEDGE_MAX_FILE_BYTES) with its multipart framing.
    proxyClientMaxBodySize: "21mb",
  },
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
  // The web chat widget's script (public/widget.js), loaded by other sites' pages. A short cache, so a new
  // version reaches every site within minutes; a JavaScript type that nosniff lets run; and an explicit
  // cross-origin resource policy, so sites that isolate themselves (COEP require-corp) may load it.
  async headers() {
    return [
      {
        source: "/widget.js",
        headers: [
          { key: "Content-Type", value: "text/javascript; charset=utf-8" },
          { key: "Cache-Control", value: "public, max-age=300" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Cross-Origin-Resource-Policy", value: "cross-origin" },
        ],
      },
    ];
  },
  // Browsers ask for /favicon.ico before the streamed <link rel="icon"> arrives; answer with the app icon
  // instead of a 404 (which the e2e console check rightly counts as an error).
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/icon.svg" }];
  },
};

export default nextConfig;
