/**
 * Cross-site write protection for cookie-authenticated route handlers (server actions get the
 * same check from Next itself: it compares Origin with Host/X-Forwarded-Host and refuses a
 * mismatch). Browsers send Origin on every cross-origin POST/PATCH/DELETE and Sec-Fetch-Site on
 * every request since 2020-2023; a request with neither comes from a non-browser client, which a
 * hostile page cannot drive with the victim's cookies, so it is let through.
 */
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteWrite(request: Request): boolean {
  if (SAFE.has(request.method.toUpperCase())) return false;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  if (origin === "null") return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return true;
  }
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = (forwarded || request.headers.get("host") || new URL(request.url).host).toLowerCase();
  return originHost !== host;
}
