/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite's wasm and data load from node_modules instead of being copied into .next twice
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  // lets two builds (say, two engineers' e2e runs) share a checkout without clobbering each other
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
};

module.exports = nextConfig;
