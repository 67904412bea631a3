// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const { securityHeaders } = require("./lib/security/headers.js");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite's wasm and data load from node_modules instead of being copied into .next twice
  // (pdfkit reads its standard fonts' metrics from its own directory at run time)
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg-boss", "pdfkit"],
  poweredByHeader: false,
  // lets two builds (say, two engineers' e2e runs) share a checkout without clobbering each other
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // the exercise photo upload (≤ 5 MB); proxy.ts keeps every other page's forms at 1 MB
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  // the CSP (with a per-request nonce) is set by proxy.ts; these go on every response
  async headers() {
    return [
      {
        source: "/:path*",
        headers: securityHeaders({ production: process.env.NODE_ENV === "production", publicUrl: process.env.AUTH_URL }),
      },
    ];
  },
};

module.exports = nextConfig;
