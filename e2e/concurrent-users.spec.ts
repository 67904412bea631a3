import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { apiSession, baseUrl } from "./api-session";
import { describe as describeOutcome, manifestActions, type Fields, type Outcome } from "./actions-rsc";
import { acceptAndSignIn, act, daysAgo, form, inviteAthlete } from "./actions-targets";
import { DEMO, expect, test } from "./fixtures";

/**
 * Two trainers and three athletes of the demo clinic act at once for 60 s against the production
 * build, through the API and the server actions the UI calls: check-ins (some with a red flag),
 * runs, edits of runs that move their date (the athlete's History → Edit and the trainer's
 * "Correct"), watch-file imports, exercise ticks, program steps, alert acknowledgements, and the
 * pages they land on. Every request must answer, none with a 5xx; /api/health answers 200 after.
 * Runs on whichever database the e2e server has: PGlite when DATABASE_URL is unset, PostgreSQL
 * otherwise. Requests are not retried, and the request timeout is the client's default (30 s).
 */
const SECONDS = Number(process.env.CONCURRENT_SECONDS ?? 60);
const ATHLETE_ACTIONS = "app/(athlete)/actions.ts";
const ENTRY_ACTIONS = "app/(trainer)/athletes/[athleteId]/entry-actions.ts";
const GPX = readFileSync(path.join(__dirname, "..", "test", "fixtures", "activities", "garmin-connect-run.gpx"), "utf8");
const GPX_START = Date.parse("2012-10-24T23:22:51.000Z");

type Sample = { user: string; op: string; ms: number; status: number | "timeout" | "network"; detail?: string };
type Athlete = { label: string; ctx: APIRequestContext; athleteId: string; itemIds: string[]; activityIds: string[] };
type Trainer = { label: string; ctx: APIRequestContext; itemIds: string[] };

// athletes change their own entries for 7 days (lib/data/report-rules.ts): every date here is in that window
const recentDay = () => daysAgo(Math.floor(Math.random() * 7));
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const newId = () => crypto.randomUUID();
const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0);

/** The fixture's run, moved to a recent day and a start time of its own, so each import is a new file. */
function freshGpx(n: number): Buffer {
  const shift = Date.now() - GPX_START - (1 + (n % 20)) * 86_400_000 + n * 61_000;
  return Buffer.from(GPX.replace(/<time>([^<]+)<\/time>/g, (_, t: string) => `<time>${new Date(Date.parse(t) + shift).toISOString()}</time>`));
}

test("two trainers and three athletes at once for 60 s: every request answers, none with a 5xx", async ({ page: _page }, testInfo) => {
  test.setTimeout((SECONDS + 150) * 1000);
  const base = baseUrl();
  const w = { actions: new Map(manifestActions().map((a) => [`${a.filename}#${a.exportedName}`, a])), calls: { n: 0 } };

  // ── the people: the demo's two trainers and athlete, and two athletes invited as other specs do ──
  const owner = await apiSession(base, DEMO.trainer.email, DEMO.trainer.password);
  const second = await apiSession(base, "trainer2@example.com", DEMO.trainer.password);
  const alex = await apiSession(base, DEMO.athlete.email, DEMO.athlete.password);
  const alexId = ((await (await alex.get("/api/auth/session")).json()) as { user: { athleteId: string } }).user.athleteId;
  const { exercises } = (await (await owner.get("/api/v1/exercises")).json()) as { exercises: { id: string; name: string }[] };
  const exerciseId = (name: string) => exercises.find((e) => e.name === name)!.id;

  const athletes: Athlete[] = [{ label: "athlete Alex", ctx: alex, athleteId: alexId, itemIds: [], activityIds: [] }];
  const stamp = Date.now();
  for (const n of [1, 2]) {
    const email = `concurrent-${stamp}-${n}@example.com`;
    const created = await owner.post("/api/v1/athletes", { data: { name: `Concurrent Runner ${n} ${stamp}`, email } });
    expect(created.status()).toBe(201);
    const athleteId = ((await created.json()) as { id: string }).id;
    // mid-ladder exercises, so a progress and the regress after it never hit the end of a ladder
    for (const name of ["Banded clamshell", "Glute bridge"]) {
      const added = await owner.post(`/api/v1/athletes/${athleteId}/program`, { data: { exerciseId: exerciseId(name), sets: 3, reps: 12, daysPerWeek: 3 } });
      expect(added.status()).toBe(201);
    }
    const ctx = await acceptAndSignIn(w, await inviteAthlete(w, owner, athleteId), email);
    athletes.push({ label: `athlete ${n}`, ctx, athleteId, itemIds: [], activityIds: [] });
  }
  for (const a of athletes) {
    const program = (await (await a.ctx.get(`/api/v1/athletes/${a.athleteId}/program`)).json()) as { items: { id: string; status: string }[] };
    a.itemIds = program.items.filter((i) => i.status === "active").map((i) => i.id);
    expect(a.itemIds.length, `${a.label} has exercises`).toBeGreaterThan(0);
  }
  // each item is stepped by one trainer only, progress then regress, so it never walks off its ladder
  const trainers: Trainer[] = [
    { label: "trainer coach", ctx: owner, itemIds: [...athletes[0]!.itemIds, ...athletes[1]!.itemIds] },
    { label: "trainer 2", ctx: second, itemIds: [...athletes[2]!.itemIds] },
  ];
  const stepped = new Map<string, number>();

  // ── measuring ──
  const samples: Sample[] = [];
  const failures: string[] = [];
  async function timed(user: string, op: string, send: () => Promise<{ status: number; ok: boolean; detail?: string }>) {
    const t0 = performance.now();
    try {
      const r = await send();
      samples.push({ user, op, ms: performance.now() - t0, status: r.status, detail: r.detail });
      if (!r.ok) failures.push(`${user} ${op}: ${r.status} ${r.detail ?? ""}`.trim());
    } catch (err) {
      const message = (err as Error).message.split("\n")[0]!;
      const status = /timed? ?out|Timeout/i.test(message) ? "timeout" : "network";
      samples.push({ user, op, ms: performance.now() - t0, status, detail: message });
      failures.push(`${user} ${op}: ${status} ${message}`);
    }
  }
  const api = async (res: Promise<import("@playwright/test").APIResponse>, okStatuses: number[]) => {
    const r = await res;
    return { status: r.status(), ok: okStatuses.includes(r.status()), detail: okStatuses.includes(r.status()) ? undefined : (await r.text()).slice(0, 300) };
  };
  const action = (o: Outcome, redirect: RegExp) => ({ status: o.status, ok: o.status === 200 && redirect.test(o.actionRedirect ?? ""), detail: describeOutcome(o).slice(0, 300) });
  const activityFields = (over: Fields): Fields => ({ clientId: newId(), type: "run", startTime: "", duration: "30", distance: "5", rpe: "5", painDuring: "", painAfter: "", shoeId: "", note: "", ...over });
  const allActivities = () => athletes.flatMap((a) => a.activityIds.map((id) => ({ id, athleteId: a.athleteId })));

  // ── what each person does ──
  let imports = 0;
  async function athleteTurn(a: Athlete) {
    const roll = Math.random();
    if (roll < 0.18) {
      await timed(a.label, "POST check-in", () =>
        api(a.ctx.post("/api/v1/check-ins", { data: { clientId: newId(), date: recentDay(), morningPain: Math.floor(Math.random() * 6), redFlags: { clicking: Math.random() < 0.25 } } }), [200, 201]),
      );
    } else if (roll < 0.36) {
      await timed(a.label, "POST activity (run)", async () => {
        const res = await a.ctx.post("/api/v1/activities", { data: { clientId: newId(), type: "run", date: recentDay(), durationSec: 1500 + Math.floor(Math.random() * 900), distanceM: 5000, rpe: 5, painDuring: 2, painAfter: 2 } });
        if (res.status() === 201 || res.status() === 200) a.activityIds.push(((await res.json()) as { id: string }).id);
        return { status: res.status(), ok: [200, 201].includes(res.status()), detail: res.ok() ? undefined : (await res.text()).slice(0, 300) };
      });
    } else if (roll < 0.56 && a.activityIds.length) {
      const id = pick(a.activityIds);
      await timed(a.label, "edit activity, date moved (saveActivityAction)", async () =>
        action(await act(w, a.ctx, `${ATHLETE_ACTIONS}#saveActivityAction`, `/history/activities/${id}/edit`, form(activityFields({ activityId: id, date: recentDay(), duration: String(25 + Math.floor(Math.random() * 15)) }))), /^\/history\?saved=activity/),
      );
    } else if (roll < 0.68) {
      const n = imports++;
      await timed(a.label, "POST activities/import (GPX)", () =>
        api(a.ctx.post("/api/v1/activities/import", { multipart: { file: { name: `run-${n}.gpx`, mimeType: "application/gpx+xml", buffer: freshGpx(n) }, clientId: newId(), rpe: "5" } }), [201]),
      );
    } else if (roll < 0.88) {
      await timed(a.label, "POST exercise-log", () =>
        api(a.ctx.post("/api/v1/exercise-logs", { data: { clientId: newId(), programItemId: pick(a.itemIds), setsDone: 3, exercisePain: 1 } }), [200, 201]),
      );
    } else {
      await timed(a.label, "GET /today", () => api(a.ctx.get("/today"), [200]));
    }
  }

  async function trainerTurn(t: Trainer) {
    const roll = Math.random();
    if (roll < 0.3) {
      const res = await t.ctx.get("/api/v1/alerts?status=open").catch(() => null);
      const open = res?.ok() ? ((await res.json()) as { items: { id: string; athleteId: string }[] }).items.filter((x) => athletes.some((a) => a.athleteId === x.athleteId)) : [];
      if (open.length) {
        const alertId = pick(open).id;
        // a report may retire the alert between the list and the click: retired alerts are kept
        // (never deleted), so acknowledging one still answers 200
        await timed(t.label, "POST alert acknowledge", () => api(t.ctx.post(`/api/v1/alerts/${alertId}/acknowledge`, { data: { note: "Seen in the concurrency run" } }), [200]));
        return;
      }
    }
    if (roll < 0.55) {
      const itemId = pick(t.itemIds);
      const n = stepped.get(itemId) ?? 0;
      stepped.set(itemId, n + 1);
      const direction = n % 2 === 0 ? "progress" : "regress";
      await timed(t.label, `POST program-item ${direction}`, () => api(t.ctx.post(`/api/v1/program-items/${itemId}/${direction}`, { data: { reason: "Concurrency run" } }), [200]));
    } else if (roll < 0.8 && allActivities().length) {
      const { id, athleteId } = pick(allActivities());
      await timed(t.label, "correct activity, date moved (saveAthleteActivityAction)", async () =>
        action(await act(w, t.ctx, `${ENTRY_ACTIONS}#saveAthleteActivityAction`, `/athletes/${athleteId}/log`, form(activityFields({ athleteId, activityId: id, date: recentDay(), duration: String(25 + Math.floor(Math.random() * 15)) }))), /^\/athletes\/[^?]+\?saved=activity/),
      );
    } else {
      await timed(t.label, "GET /dashboard", () => api(t.ctx.get("/dashboard"), [200]));
    }
  }

  // ── 60 s of all five at once ──
  const until = Date.now() + SECONDS * 1000;
  const loop = async (turn: () => Promise<void>) => {
    while (Date.now() < until) {
      await turn();
      await new Promise((r) => setTimeout(r, Math.random() * 150));
    }
  };
  const started = Date.now();
  await Promise.all([...athletes.map((a) => loop(() => athleteTurn(a))), ...trainers.map((t) => loop(() => trainerTurn(t)))]);
  const seconds = (Date.now() - started) / 1000;

  // every item back where it started, so later specs find the demo program as seeded
  for (const t of trainers) {
    for (const itemId of t.itemIds) {
      if ((stepped.get(itemId) ?? 0) % 2 === 1) await timed(t.label, "POST program-item regress", () => api(t.ctx.post(`/api/v1/program-items/${itemId}/regress`, { data: { reason: "Concurrency run: back" } }), [200]));
    }
  }
  const health = await owner.get("/api/health");

  // ── the report ──
  const byOp = new Map<string, Sample[]>();
  for (const s of samples) byOp.set(s.op, [...(byOp.get(s.op) ?? []), s]);
  const stats = (xs: Sample[]) => {
    const ms = xs.map((s) => s.ms).sort((x, y) => x - y);
    return { requests: xs.length, errors5xx: xs.filter((s) => typeof s.status === "number" && s.status >= 500).length, timeouts: xs.filter((s) => s.status === "timeout").length, network: xs.filter((s) => s.status === "network").length, p50: Math.round(percentile(ms, 50)), p95: Math.round(percentile(ms, 95)), max: Math.round(ms.at(-1) ?? 0) };
  };
  const summary = {
    database: process.env.DATABASE_URL ? "PostgreSQL" : "PGlite",
    seconds: Math.round(seconds),
    users: athletes.length + trainers.length,
    all: stats(samples),
    failures: failures.length,
    byOperation: Object.fromEntries([...byOp.entries()].sort().map(([op, xs]) => [op, stats(xs)])),
    health: health.status(),
  };
  const lines = [
    `concurrent users on ${summary.database}: ${summary.users} users, ${summary.seconds} s, ${summary.all.requests} requests, ${summary.failures} failed (${summary.all.errors5xx} 5xx, ${summary.all.timeouts} timeouts, ${summary.all.network} network), p50 ${summary.all.p50} ms, p95 ${summary.all.p95} ms, max ${summary.all.max} ms; /api/health ${summary.health}`,
    ...Object.entries(summary.byOperation).map(([op, s]) => `  ${op}: ${s.requests} requests, p50 ${s.p50} ms, p95 ${s.p95} ms, max ${s.max} ms${s.errors5xx + s.timeouts + s.network ? `, ${s.errors5xx} 5xx / ${s.timeouts} timeouts / ${s.network} network` : ""}`),
    ...failures.slice(0, 20).map((f) => `  FAILED ${f}`),
  ];
  console.log(lines.join("\n"));
  await testInfo.attach("concurrent-users.json", { body: JSON.stringify({ ...summary, failureList: failures }, null, 2), contentType: "application/json" });

  expect(failures, "every request answers, with the status its operation expects").toEqual([]);
  expect(summary.all.requests).toBeGreaterThan(0);
  for (const op of ["POST check-in", "POST activity (run)", "edit activity, date moved (saveActivityAction)", "POST activities/import (GPX)", "POST alert acknowledge", "correct activity, date moved (saveAthleteActivityAction)"]) {
    expect(byOp.get(op)?.length ?? 0, `${op} happened`).toBeGreaterThan(0);
  }
  expect([...byOp.keys()].some((op) => op.startsWith("POST program-item"))).toBe(true);
  expect(health.status()).toBe(200);
});
