import { request as pwRequest, type APIRequestContext } from "@playwright/test";
import { apiSession, baseUrl } from "./api-session";
import { expectedRefusal, MATRIX, PUBLIC, secretsFor, type ActionSpec, type Caller, type Refusal } from "./actions-matrix";
import { actionKey, callAction, describe, manifestActions, redirectedToSignIn, routeMatches, sourceActions, workerRoute, type Fields, type Outcome } from "./actions-rsc";
import { act, buildWorld, clinicSnapshot, form, PASSWORD, signUpThroughActions, testIp, type World } from "./actions-targets";
import { DEMO, expect, test } from "./fixtures";

/**
 * The authorization matrix for server actions, next to the one for /api/v1 (authz-matrix.spec.ts):
 * every action of the production build's server-action manifest is called over HTTP the way the
 * browser calls it, as: signed out (through proxy.ts, and past it at the action's own guard); an
 * athlete of the clinic aimed at another athlete's records; the owner of another clinic; and the
 * rightful caller (the clinic's owner; the athlete for their own reports). A refused call changes
 * nothing (the records are read back) and its answer holds nothing of the target. The rightful
 * call's effect is read back too. Rows live in actions-matrix.ts; an action without a row fails.
 */
test.describe.configure({ mode: "serial" });

let w: World;
let worldBefore: Record<string, unknown>;
const started = Date.now();

test.beforeAll(async () => {
  test.setTimeout(180_000);
  w = await buildWorld();
});

test.afterAll(async () => {
  if (!w) return;
  for (const ctx of Object.values(w.callers)) await ctx.dispose();
  test.info().annotations.push({ type: "action calls", description: `${w.calls.n} calls in ${Math.round((Date.now() - started) / 1000)} s` });
});

/** Clinic A once derived data (alerts, brought up to date by the setup's reports) has stopped moving. */
async function settledSnapshot(): Promise<Record<string, unknown>> {
  let last = await clinicSnapshot(w);
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 300));
    const next = await clinicSnapshot(w);
    if (JSON.stringify(next) === JSON.stringify(last)) return next;
    last = next;
  }
  throw new Error("clinic A kept changing for 3 s before any action was called");
}

const reachable = () => MATRIX.filter((s) => w.actions.has(s.key));
const sentText = (fields: Fields) => Object.values(fields).flat().filter((v): v is string => typeof v === "string").join("\n");

/** `page` and `fields` are what the request itself sent: echoing those back is no leak. */
function expectNoSecrets(o: Outcome, caller: Caller, fields: Fields, label: string, page = "") {
  const sent = `${page}\n${sentText(fields)}`;
  for (const s of secretsFor(w, caller, sent)) expect.soft(o.text.includes(s), `${label} leaks "${s}"`).toBe(false);
  // a signed-in caller's own session is re-issued on every request; a signed-out one must not get any
  if (caller === "anon") expect.soft(o.setCookies.some((c) => /authjs\.session-token=[^;]/.test(c)), `${label} signs the caller in`).toBe(false);
}

async function expectRefusal(expected: Refusal, o: Outcome, label: string) {
  const msg = `${label} → ${describe(o)}`;
  if (expected === "notFound") {
    expect.soft(o.status === 404 || (o.status === 200 && o.result?.ok === false && /was not found\.$/.test(String(o.result?.message))), msg).toBe(true);
  } else if (expected === "dashboard") {
    expect.soft(o.actionRedirect, msg).toBe("/dashboard");
  } else if (expected === "own") {
    // done for the caller: a successful form state, or the action's own redirect (not a guard's)
    const redirectedAway = Boolean(o.actionRedirect) && !redirectedToSignIn(o) && o.actionRedirect !== "/dashboard";
    expect.soft(o.status === 200 && (o.result?.ok === true || redirectedAway), msg).toBe(true);
  } else if (expected instanceof RegExp) {
    expect.soft(o.result?.ok === false && expected.test(String(o.result?.message)), msg).toBe(true);
  } else {
    try {
      await expected(o, w);
    } catch (err) {
      expect.soft(false, `${msg}: ${(err as Error).message}`).toBe(true);
    }
  }
  // a custom check may accept a known, reported 500 (see actions-matrix.ts); everything else is below 500
  if (typeof expected !== "function") expect.soft(o.status, msg).toBeLessThan(500);
}

/** Every reachable action as `caller`, aimed at clinic A; the action's records are read back unchanged. */
async function refusedAs(caller: Exclude<Caller, "anon">, ctx: APIRequestContext, only?: (s: ActionSpec) => boolean) {
  const seen: string[] = [];
  for (const spec of reachable().filter((s) => !only || only(s))) {
    const expected = expectedRefusal(spec, caller);
    if (!expected) continue;
    const before = await spec.state(w);
    for (const fields of spec.inputs(w.t)) {
      const label = `${spec.key} as ${caller}`;
      const o = await act(w, ctx, spec.key, spec.page(w.t), form(fields));
      await expectRefusal(expected, o, label);
      // the clinic's owner sent to their own dashboard may of course see their own athletes there
      if (!(caller === "owner" && expected === "dashboard")) expectNoSecrets(o, caller, fields, label, spec.page(w.t));
    }
    expect.soft(await spec.state(w), `${spec.key} as ${caller} changed what it touches`).toEqual(before);
    seen.push(`${spec.key}: ${typeof expected === "string" ? expected : expected instanceof RegExp ? `refused (${expected.source})` : "checked"}`);
  }
  test.info().annotations.push({ type: `refused as ${caller}`, description: seen.join("\n") });
  return seen.length;
}

test("the matrix has a row for every action of the build and every export of the \"use server\" files", async () => {
  const manifest = manifestActions();
  const source = sourceActions();
  const manifestKeys = new Set(manifest.map(actionKey));
  const sourceKeys = new Set(source.map(actionKey));
  const rows = [...PUBLIC.map((p) => p.key), ...MATRIX.map((s) => s.key)];
  expect(new Set(rows).size, "one row per action").toBe(rows.length);
  expect(source.length, "the \"use server\" files export about 45 actions").toBeGreaterThanOrEqual(40);
  for (const k of manifestKeys) expect.soft(rows, `add a row for ${k} to e2e/actions-matrix.ts (it is in the build's server-action manifest)`).toContain(k);
  for (const k of sourceKeys) expect.soft(rows, `add a row for ${k} to e2e/actions-matrix.ts (a "use server" file exports it)`).toContain(k);
  for (const k of rows) expect.soft(sourceKeys, `${k} has a row but no "use server" file exports it`).toContain(k);
  for (const k of manifestKeys) expect.soft(sourceKeys, `${k} is in the manifest but not found in the sources`).toContain(k);
  // each row posts to a page the action is used on, as the browser does
  for (const spec of MATRIX) {
    const a = w.actions.get(spec.key);
    if (!a) continue;
    const routes = a.workers.map(workerRoute);
    expect.soft(routes.some((r) => routeMatches(r, spec.page(w.t))), `${spec.key} posts to ${spec.page(w.t)}, not one of ${routes.join(", ")}`).toBe(true);
  }
  const unreachable = [...sourceKeys].filter((k) => !manifestKeys.has(k));
  // an export the build gave no id is out of reach: an id the manifest does not hold is refused before any code runs
  const made = "7f" + crypto.randomUUID().replace(/-/g, "").padEnd(40, "0").slice(0, 40);
  const o = await callAction(w.callers.self, { id: made, page: "/today", args: { form: { id: w.t.logId } } });
  w.calls.n += 1;
  expect.soft([404, 409], `an unknown action id → ${describe(o)}`).toContain(o.status);
  expect.soft(o.text).toBe("Server Action unavailable.");
  test.info().annotations.push(
    { type: "actions", description: `${sourceKeys.size} exported, ${manifestKeys.size} in the manifest; public: ${PUBLIC.length}; guarded: ${MATRIX.length}` },
    { type: "not callable", description: unreachable.length ? `${unreachable.join(", ")}: exported but imported by no page, so the build gives it no id and no request can reach it` : "none" },
  );
});

test("public actions cannot be used to reach clinic data", async () => {
  test.setTimeout(180_000);
  const { t } = w;
  const xff = { "x-forwarded-for": testIp };
  for (const p of PUBLIC) test.info().annotations.push({ type: "public", description: `${p.key}: ${p.reason}` });
  const attackerEmail = `matrix-attacker-${t.stamp}@example.com`;
  // fresh sessions, so that nothing here can sign the shared callers out
  const callers: [Caller, APIRequestContext][] = [
    ["anon", await pwRequest.newContext({ baseURL: baseUrl() })],
    ["athlete", await apiSession(baseUrl(), attackerEmail, PASSWORD)],
    ["other", await apiSession(baseUrl(), w.otherEmail, PASSWORD)],
    ["owner", await apiSession(baseUrl(), DEMO.trainer.email, DEMO.trainer.password)],
  ];
  for (const [caller, ctx] of callers) {
    // a wrong password for the target's email: the generic answer, no session
    const signInFields = { email: t.email, password: "not-the-password-0" };
    let o = await act(w, ctx, "app/(auth)/actions.ts#signInAction", "/sign-in", form(signInFields), { headers: xff });
    expect.soft(o.result, `signInAction as ${caller} → ${describe(o)}`).toMatchObject({ ok: false, message: "That email and password do not match an account." });
    expectNoSecrets(o, caller, signInFields, `signInAction as ${caller}`);
    // signing up with the target's email does not reach their account or clinic: the answer any
    // email gets, no session, no redirect (the target's mailbox is told, nobody else)
    const signUpFields = { clinicName: "Matrix Intruder Clinic", name: "Intruder", email: t.email, password: PASSWORD, timeZone: "UTC" };
    o = await act(w, ctx, "app/(auth)/actions.ts#signUpAction", "/sign-up", form(signUpFields), { headers: xff });
    expect.soft(o.result, `signUpAction as ${caller} → ${describe(o)}`).toMatchObject({ ok: true, message: expect.stringContaining("Check your email") });
    expect.soft(o.actionRedirect, `signUpAction as ${caller} → ${describe(o)}`).toBeFalsy();
    expectNoSecrets(o, caller, signUpFields, `signUpAction as ${caller}`);
    // a guessed sign-up confirmation token
    const confirmFields = { token: "bogus-confirm-token-" + "x".repeat(32), password: PASSWORD };
    o = await act(w, ctx, "app/(auth)/actions.ts#confirmSignUpAction", `/sign-up/confirm/${confirmFields.token}`, form(confirmFields), { headers: xff });
    expect.soft(o.result, `confirmSignUpAction as ${caller} → ${describe(o)}`).toMatchObject({ ok: false, message: expect.stringContaining("This confirmation link is no longer valid") });
    expect.soft(o.actionRedirect, `confirmSignUpAction as ${caller} → ${describe(o)}`).toBeFalsy();
    expectNoSecrets(o, caller, confirmFields, `confirmSignUpAction as ${caller}`, `/sign-up/confirm/${confirmFields.token}`);
    // a guessed invitation token, and the target's own spent one
    for (const token of ["bogus-token-" + "x".repeat(32), t.usedInviteToken]) {
      const fields = { token, password: PASSWORD };
      o = await act(w, ctx, "app/(auth)/actions.ts#acceptInviteAction", `/invite/${token}`, form(fields), { headers: xff });
      expect.soft(o.result, `acceptInviteAction as ${caller} → ${describe(o)}`).toMatchObject({ ok: false, message: "This invitation link is no longer valid. Ask your trainer for a new one." });
      expectNoSecrets(o, caller, fields, `acceptInviteAction as ${caller}`, `/invite/${token}`);
    }
  }
  // a reset link for the target's email: the same sentence as for an unknown email, and nothing of the target
  for (const [caller, ctx] of callers) {
    for (const email of [t.email, `nobody-${t.stamp}@example.com`]) {
      const o = await act(w, ctx, "app/(auth)/actions.ts#requestResetAction", "/forgot-password", form({ email }), { headers: xff });
      expect.soft(o.result, `requestResetAction as ${caller} → ${describe(o)}`).toMatchObject({ ok: true, message: expect.stringContaining("If an account uses that email") });
      expectNoSecrets(o, caller, { email }, `requestResetAction as ${caller}`);
    }
    // a guessed reset token
    const fields = { token: "bogus-reset-token-" + "x".repeat(32), password: PASSWORD };
    const o = await act(w, ctx, "app/(auth)/actions.ts#resetPasswordAction", `/reset-password/${fields.token}`, form(fields), { headers: xff });
    expect.soft(o.result, `resetPasswordAction as ${caller} → ${describe(o)}`).toMatchObject({ ok: false, message: expect.stringContaining("This reset link is no longer valid") });
    expectNoSecrets(o, caller, fields, `resetPasswordAction as ${caller}`, `/reset-password/${fields.token}`);
  }
  // the account actions act on the caller alone: a wrong current password is refused; signed out, sign-in
  const wrong = await act(w, callers[3]![1], "app/(auth)/account/actions.ts#changePasswordAction", "/account", form({ currentPassword: "not-the-password-0", newPassword: PASSWORD }));
  expect.soft(wrong.result, `changePasswordAction with a wrong current password → ${describe(wrong)}`).toMatchObject({ ok: false, fieldErrors: { currentPassword: ["Your current password is not right."] } });
  const signedOut = [
    await act(w, callers[0]![1], "app/(auth)/account/actions.ts#changePasswordAction", "/account", form({ currentPassword: PASSWORD, newPassword: `${PASSWORD}-2` }), { bypassProxy: true }),
    await act(w, callers[0]![1], "app/(auth)/account/actions.ts#signOutEverywhereAction", "/account", { plain: [] }, { bypassProxy: true }),
  ];
  for (const o of signedOut) expect.soft(redirectedToSignIn(o), `an account action signed out → ${describe(o)}`).toBe(true);
  // "sign out everywhere" by a login of its own ends its sessions, and nobody else's
  const loner = await pwRequest.newContext({ baseURL: baseUrl() });
  const lonerEmail = `matrix-loner-${t.stamp}@example.com`;
  await signUpThroughActions(w, loner, { clinicName: "Matrix Loner Clinic", name: "Loner", email: lonerEmail });
  const lonerElsewhere = await apiSession(baseUrl(), lonerEmail, PASSWORD);
  const everywhere = await act(w, loner, "app/(auth)/account/actions.ts#signOutEverywhereAction", "/account", { plain: [] });
  expect.soft(redirectedToSignIn(everywhere), `signOutEverywhereAction → ${describe(everywhere)}`).toBe(true);
  expect.soft((await lonerElsewhere.get("/api/v1/athletes")).status(), "the loner's other session ended").toBe(401);
  expect.soft((await callers[3]![1].get("/api/v1/athletes")).status(), "the owner's session goes on").toBe(200);
  await lonerElsewhere.dispose();
  await loner.dispose();
  // signing out only ends the caller's own session: signed out it is a redirect to sign-in; signed in, the cookie is cleared
  const anonOut = await act(w, callers[0]![1], "app/(auth)/actions.ts#signOutAction", "/today", { plain: [] }, { bypassProxy: true });
  expect.soft(redirectedToSignIn(anonOut), `signOutAction signed out → ${describe(anonOut)}`).toBe(true);
  const kept = await callers[1]![1].storageState();
  const out = await act(w, callers[1]![1], "app/(auth)/actions.ts#signOutAction", "/today", { plain: [] });
  expect.soft(redirectedToSignIn(out), `signOutAction → ${describe(out)}`).toBe(true);
  expect.soft(out.setCookies.join("\n"), "the session cookie is cleared").toMatch(/authjs\.session-token=;/);
  expect.soft(out.text).not.toContain(t.name);
  // and ends it on the server: the cookie it had is refused from now on
  const copy = await pwRequest.newContext({ baseURL: baseUrl(), storageState: kept });
  expect.soft((await copy.get("/api/v1/athletes?pageSize=1")).status(), "a copy of the signed-out cookie is refused").toBe(401);
  await copy.dispose();
  // the rightful uses: the attacker signs in to their own account; the clinic made by a confirmed sign-up sees nothing of clinic A
  const fresh = await pwRequest.newContext({ baseURL: baseUrl() });
  const signedIn = await act(w, fresh, "app/(auth)/actions.ts#signInAction", "/sign-in", form({ email: attackerEmail, password: PASSWORD }));
  expect.soft(signedIn.actionRedirect, describe(signedIn)).toBe("/");
  expect.soft((await fresh.get(`/api/v1/athletes/${t.athleteId}`)).status(), "the attacker's own session cannot read the target").toBe(404);
  expect.soft((await w.callers.other.get(`/api/v1/athletes/${t.athleteId}`)).status(), "the clinic created by confirmSignUpAction cannot read the target").toBe(404);
  await fresh.dispose();
  for (const [, ctx] of callers) await ctx.dispose();
});

test("signed out: every action is refused with a redirect to sign-in, by proxy.ts and by the action itself", async () => {
  // two calls and two state reads per action: past the default minute on a busy 2-core machine
  test.setTimeout(180_000);
  worldBefore = await settledSnapshot();
  const seen: string[] = [];
  for (const spec of reachable()) {
    const before = await spec.state(w);
    for (const fields of spec.inputs(w.t)) {
      for (const bypassProxy of [false, true]) {
        const label = `${spec.key} signed out${bypassProxy ? " (past proxy.ts)" : ""}`;
        const o = await act(w, w.callers.anon, spec.key, spec.page(w.t), form(fields), { bypassProxy });
        expect.soft(redirectedToSignIn(o), `${label} → ${describe(o)}`).toBe(true);
        // past the proxy, the redirect is the action's own (requireTrainer / requireAthlete), not the proxy's 307
        if (bypassProxy) expect.soft(o.actionRedirect, `${label} → ${describe(o)}`).toBe("/sign-in");
        expectNoSecrets(o, "anon", fields, label, spec.page(w.t));
      }
    }
    expect.soft(await spec.state(w), `${spec.key} signed out changed what it touches`).toEqual(before);
    seen.push(spec.key);
  }
  test.info().annotations.push({ type: "refused signed out", description: `${seen.length} actions` });
});

test("an athlete of the clinic, aimed at another athlete's records: refused, nothing changes, nothing leaks", async () => {
  expect(await refusedAs("athlete", w.callers.athlete)).toBeGreaterThan(30);
});

test("a trainer of another clinic: refused (not found), nothing changes, nothing leaks", async () => {
  expect(await refusedAs("other", w.callers.other)).toBeGreaterThan(30);
});

test("the clinic's trainers on actions that are not theirs: a non-owner on owner-only settings, the owner on athlete reports", async () => {
  const n = (await refusedAs("trainer2", w.callers.trainer2, (s) => s.access === "owner-only")) + (await refusedAs("owner", w.callers.owner, (s) => s.access === "athlete"));
  expect(n).toBeGreaterThan(5);
  // and after every refused call of every caller, clinic A is as it was
  const { roster: r1, ...rest1 } = worldBefore;
  const { roster: r2, ...rest2 } = await clinicSnapshot(w);
  expect.soft(rest2).toEqual(rest1);
  expect.soft(r2).toEqual(r1);
});

test("the rightful caller: every action succeeds and its effect is visible", async () => {
  test.setTimeout(120_000);
  const failures: string[] = [];
  const done: string[] = [];
  for (const spec of reachable()) {
    const ctx = spec.access === "athlete" ? w.callers.self : w.callers.owner;
    try {
      const before = await spec.state(w);
      const o = await act(w, ctx, spec.key, spec.page(w.t), form(spec.inputs(w.t)[0]!));
      expect(o.status, describe(o)).toBe(200);
      const after = await spec.state(w);
      await spec.success({ w, before, after, o });
      done.push(spec.key);
    } catch (err) {
      failures.push(`${spec.key}: ${(err as Error).message.split("\n").slice(0, 6).join(" ")}`);
    } finally {
      await spec.cleanup?.(w).catch((err: Error) => failures.push(`${spec.key} cleanup: ${err.message}`));
    }
  }
  test.info().annotations.push({ type: "succeeded", description: done.join("\n") });
  expect(failures, failures.join("\n")).toEqual([]);
});
