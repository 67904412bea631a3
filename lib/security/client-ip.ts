/**
 * The client's address for rate limits, or null when it cannot be known.
 *
 * X-Forwarded-For is a list a client can start with anything it likes; each proxy appends the
 * address it saw. Only the entries appended by proxies we run can be believed, so with
 * `trustedHops` proxies in front of the app the client is the `trustedHops`-th entry from the
 * right (nginx `$proxy_add_x_forwarded_for` appends; one load balancer in front = 1).
 *
 * With no trusted proxy (TRUST_PROXY_HOPS=0, the default) the header is ignored entirely. Next
 * (`next start`) copies the socket's address into X-Forwarded-For only when the client sent none,
 * so the header cannot tell a socket address from a forged one: the address is then unknown
 * (null) and the per-address limits are off; the per-account delay still holds.
 */
export function clientIp(headers: Headers, trustedHops: number): string | null {
  if (trustedHops <= 0) return null;
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // fewer entries than trusted hops: the request did not come through our proxies as configured
  const entry = entries.at(-trustedHops);
  if (!entry || entries.length < trustedHops) return null;
  return normalizeAddress(entry);
}

/** "[::1]:443" → "::1", "1.2.3.4:5678" → "1.2.3.4", "::ffff:1.2.3.4" → "1.2.3.4"; junk → null. */
function normalizeAddress(raw: string): string | null {
  let a = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  if (a.startsWith("::ffff:") && /^[\d.]+$/.test(a.slice(7))) a = a.slice(7);
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(a)) return a;
  if (/^[0-9a-f:]+$/.test(a) && a.includes(":") && a.length <= 45) return a;
  return null;
}
