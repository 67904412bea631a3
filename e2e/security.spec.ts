import { request as pwRequest } from "@playwright/test";
import { apiSession, baseUrl, credentialsPost, csrfToken } from "./api-session";
import { DEMO, expect, signIn, test } from "./fixtures";
import { signUpClinic } from "./sign-up";

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

test("a stranger's 50 failed sign-ins from many addresses do not stop the owner signing in with the right password", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const owner = { clinicName: "Throttle Target Clinic", name: "Tara Target", email: `throttle-target-${Date.now()}@example.com`, password: "the-owners-password-1" };
  const ownerCtx = await browser.newContext();
  await signUpClinic(await ownerCtx.newPage(), owner);
  await ownerCtx.close();

  // the stranger: 50 wrong passwords, each claiming a different address in X-Forwarded-For, in
  // waves of ten (the account's delay grows to its 3 s cap; it never turns into a refusal)
  const stranger = await pwRequest.newContext({ baseURL: baseUrl() });
  const statuses: number[] = [];
  for (let wave = 0; wave < 5; wave++) {
    const token = await csrfToken(stranger);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => credentialsPost(stranger, owner.email, `guess-${wave}-${i}-password`, { "x-forwarded-for": `198.51.${100 + wave}.${1 + i}` }, token)),
    );
    statuses.push(...answers.map((r) => r.status()));
  }
  await stranger.dispose();
  expect(statuses).toHaveLength(50);
  // never let in, never a 429 (which the real owner would get too): next-auth's redirect to the error page
  expect(statuses.filter((s) => s === 429)).toEqual([]);
  expect(statuses.every((s) => s === 302)).toBe(true);

  // the owner, from their own browser, with the right password: slowed down at most, signed in
  await signIn(page, owner.email, owner.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText("Throttle Target Clinic").first()).toBeVisible();
  // and the API door too
  const api = await apiSession(baseUrl(), owner.email, owner.password);
  expect((await api.get("/api/v1/athletes")).status()).toBe(200);
  await api.dispose();
});

test("an unknown email and a wrong password get the same answer", async ({ request }) => {
  const headers = { "x-forwarded-for": "203.0.113.78" };
  const unknown = await credentialsPost(request, `nobody-${Date.now()}@example.com`, "wrong-password-123", headers);
  const wrong = await credentialsPost(request, DEMO.trainer.email, "wrong-password-123", headers);
  expect(unknown.status()).toBe(wrong.status());
  expect(unknown.headers()["location"]).toBe(wrong.headers()["location"]);
});
