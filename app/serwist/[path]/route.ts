import { createSerwistRoute } from "@serwist/turbopack";

/**
 * Serves the service worker (/serwist/sw.js), bundled with esbuild from lib/offline/service-worker.ts
 * at build time, with the build's static files as its precache list (they are content-hashed, so
 * no revision is needed for them).
 */
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "lib/offline/service-worker.ts",
  useNativeEsbuild: true,
  // no source map beside it: nothing to debug in production that the source does not show
  esbuildOptions: { sourcemap: false },
});
