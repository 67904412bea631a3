/**
 * The client's address for rate limits. Next fills X-Forwarded-For with the socket's address only
 * when the header is absent, and a reverse proxy appends the address it saw, so the right-most
 * entry is the one the nearest trusted hop vouches for. Run production behind a proxy that
 * appends (nginx `$proxy_add_x_forwarded_for`, any load balancer); the per-account limit holds
 * whatever a client claims here.
 */
export function clientIp(headers: Headers): string {
  const xff = headers.get("x-forwarded-for");
  const last = xff?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  return (last || headers.get("x-real-ip") || "unknown").slice(0, 64);
}
