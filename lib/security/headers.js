// Plain CommonJS so next.config.js can require it without a build step; proxy.ts imports it too.

/**
 * The Content-Security-Policy for HTML documents. Scripts run only with this request's nonce;
 * 'strict-dynamic' lets Next's bootstrap load its own chunks. No 'unsafe-eval' except in
 * `next dev`, whose React refresh needs it. Styles keep 'unsafe-inline' because React and the
 * charts write style="" attributes, which nonces cannot cover; style injection cannot run script.
 * @param {string} nonce
 * @param {{ dev?: boolean }} [opts]
 */
function contentSecurityPolicy(nonce, opts = {}) {
  const script = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(opts.dev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // the offline layer's service worker (/serwist/sw.js) and the installable app's manifest
    "worker-src 'self'",
    "manifest-src 'self'",
    // exercise videos: only the privacy-enhanced players (lib/media/video-link.ts makes these addresses)
    "frame-src https://www.youtube-nocookie.com https://player.vimeo.com",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Headers for every response (pages, API, static files). HSTS only for a production server that
 * is not on localhost/127.0.0.1: browsers ignore HSTS over http anyway, but a stray one on a
 * developer's localhost would pin https for every other local project.
 * @param {{ production: boolean, publicUrl?: string }} opts
 */
function securityHeaders(opts) {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
    },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  let local = false;
  try {
    const host = opts.publicUrl ? new URL(opts.publicUrl).hostname : "";
    local = host === "localhost" || host === "127.0.0.1" || host === "[::1]";
  } catch {
    local = false;
  }
  if (opts.production && !local) headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  return headers;
}

module.exports = { contentSecurityPolicy, securityHeaders };
