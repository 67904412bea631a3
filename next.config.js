/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite's wasm and data load from node_modules instead of being copied into .next twice
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  typedRoutes: false,
};

module.exports = nextConfig;
