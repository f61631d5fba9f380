import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and WebAssembly-backed packages stay as Node requires instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
  // Browsers ask for /favicon.ico before the streamed <link rel="icon"> arrives; answer with the app icon
  // instead of a 404 (which the e2e console check rightly counts as an error).
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/icon.svg" }];
  },
};

export default nextConfig;
