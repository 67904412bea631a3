import { credentialsPost, csrfToken } from "./api-session";
import { DEMO, expect, signIn, test } from "./fixtures";

test("documents carry a nonce CSP without unsafe-eval and the other security headers; pages still hydrate", async ({ page }) => {
  const cspErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  const res = await page.goto("/sign-in");
  const h = res!.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["x-frame-options"]).toBe("DENY");
  // every script Next rendered carries this request's nonce
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const n of scripts) expect(n).toBe(nonce);
  // a second request gets a different nonce
  const again = await page.request.get("/sign-in");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce);

  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  await expect(page.getByRole("heading", { name: "Needs attention" })).toBeVisible();
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("authjs.session-token"));
  expect(session).toBeTruthy();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  // over plain http (this server) the cookie cannot be Secure, or it would never come back
  expect(session!.secure).toBe(false);
  expect(cspErrors).toEqual([]);

  const api = await page.request.get("/api/v1/athletes");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

test("a cross-site write with the session cookie is refused; the same write from the app is not", async ({ page }) => {
  await signIn(page, DEMO.athlete.email, DEMO.athlete.password);
  const body = { morningPain: 1 };
  const evil = await page.request.post("/api/v1/check-ins", { data: body, headers: { origin: "https://evil.example" } });
  expect(evil.status()).toBe(403);
  expect((await evil.json()).error.message).toMatch(/another site/);
  const fetchSite = await page.request.post("/api/v1/check-ins", { data: body, headers: { "sec-fetch-site": "cross-site" } });
  expect(fetchSite.status()).toBe(403);
  const base = new URL(page.url()).origin;
  const ok = await page.request.post("/api/v1/check-ins", { data: body, headers: { origin: base, "sec-fetch-site": "same-origin" } });
  expect([200, 201]).toContain(ok.status());

  // server actions: Next itself compares Origin with Host and refuses a mismatch
  const action = await page.request.post("/today", {
    headers: { origin: "https://evil.example", "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8" },
    data: "[]",
  });
  expect(action.status()).toBeGreaterThanOrEqual(400);
});

test("twenty failed sign-ins in 15 minutes: the callback answers 429 with Retry-After and the form says how long to wait", async ({ page, request }) => {
  const email = `target-${Date.now()}@example.com`;
  // a network of its own, so this test's failures do not throttle 127.0.0.1 for the other specs
  const headers = { "x-forwarded-for": "203.0.113.77" };
  // all at once, so the growing delay does not make this test slow; the count still reaches 20
  const token = await csrfToken(request);
  const attempts = await Promise.all(Array.from({ length: 20 }, () => credentialsPost(request, email, "wrong-password-123", headers, token)));
  for (const r of attempts) expect(r.status()).not.toBe(200);
  const refused = await credentialsPost(request, email, "wrong-password-123", headers);
  expect(refused.status()).toBe(429);
  const retryAfter = Number(refused.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(60);
  expect(retryAfter).toBeLessThanOrEqual(900);
  expect((await refused.json()).error.message).toMatch(/Too many failed sign-ins. Try again in \d+ minutes?\./);

  await signIn(page, email, "wrong-password-123", { expectFailure: true });
  await expect(page.getByText(/Too many failed sign-ins for this account or network\. Try again in \d+ minutes?\./)).toBeVisible();
});

test("an unknown email and a wrong password get the same answer", async ({ request }) => {
  const headers = { "x-forwarded-for": "203.0.113.78" };
  const unknown = await credentialsPost(request, `nobody-${Date.now()}@example.com`, "wrong-password-123", headers);
  const wrong = await credentialsPost(request, DEMO.trainer.email, "wrong-password-123", headers);
  expect(unknown.status()).toBe(wrong.status());
  expect(unknown.headers()["location"]).toBe(wrong.headers()["location"]);
});
