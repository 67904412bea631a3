import { writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Scope } from "@/lib/auth/scope";
import { recordActivity } from "@/lib/data/activities";
import { updateAthlete } from "@/lib/data/athletes";
import { recordCheckIn } from "@/lib/data/check-ins";
import { addProgramItem } from "@/lib/data/programs";
import { getReferralSummary } from "@/lib/data/referral";
import { startReturnToRun } from "@/lib/data/return-to-run";
import { addDays, todayIn } from "@/lib/domain/dates";
import { renderReferralPdf } from "@/lib/pdf/referral-pdf";
import { activitySchema, checkInSchema } from "@/lib/validation/reporting";
import { BUILT_IN_RUN_LADDER, builtinExercise, builtInStage, ensureLibrary, makeAthlete, makeClinic, makeTrainer } from "@/tests/integration/factories";
import { pdfPages } from "@/tests/integration/pdf-text";

// The session is the only thing faked: the route, the data layer and the PDF run for real.
let session: Scope | null = null;
vi.mock("@/lib/auth/guards", () => ({ getScope: async () => session }));
const route = await import("@/app/(trainer)/athletes/[athleteId]/referral.pdf/route");

const today = todayIn("Europe/London");
const call = (athleteId: string) => route.GET(new Request(`http://test/athletes/${athleteId}/referral.pdf`), { params: Promise.resolve({ athleteId }) });
const textOf = async (res: Response) => pdfPages(new Uint8Array(await res.arrayBuffer()));

let clinic: Awaited<ReturnType<typeof makeClinic>>;
let athlete: Awaited<ReturnType<typeof makeAthlete>>;

beforeAll(async () => {
  await ensureLibrary();
  clinic = await makeClinic("Referral");
  athlete = await makeAthlete(clinic, "Rosa Referral");
  await updateAthlete(clinic, athlete.athleteId, { condition: "Pes anserine bursitis", injuredSide: "left" });
  await addProgramItem(clinic, { athleteId: athlete.athleteId, exerciseId: await builtinExercise("clamshell"), sets: 2, reps: 20, daysPerWeek: 4, load: "none" });
  await addProgramItem(clinic, { athleteId: athlete.athleteId, exerciseId: await builtinExercise("glute-bridge"), sets: 3, reps: 12, daysPerWeek: 3 });
  for (let k = 10; k >= 1; k--) {
    const date = addDays(today, -7 * k);
    await recordActivity(clinic, activitySchema.parse({ athleteId: athlete.athleteId, clientId: crypto.randomUUID(), type: "run", date, durationSec: 1800 + k * 60, distanceM: 5000 + (k % 4) * 1500, rpe: 5, painDuring: k % 3, painAfter: (k % 5) + 1 }));
  }
  await recordCheckIn(clinic, checkInSchema.parse({ athleteId: athlete.athleteId, morningPain: 6, redFlags: { swelling: true } }));
  await startReturnToRun(clinic, { athleteId: athlete.athleteId, ladderId: BUILT_IN_RUN_LADDER, stageId: builtInStage(3), reason: "cleared to start running" });
});

describe("the referral summary PDF (issue 20 item 8)", () => {
  it("is one A4 page holding the athlete, episode, stage, program, weekly numbers, alerts and who made it", async () => {
    session = clinic;
    const res = await call(athlete.athleteId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("cache-control")).toContain("no-store");
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    writeFileSync("/tmp/referral-summary-test.pdf", bytes);
    const pages = await textOf(res);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    const summary = await getReferralSummary(clinic, athlete.athleteId);
    expect(text).toContain("Rosa Referral");
    expect(text).toContain("Pes anserine bursitis, left");
    expect(text).toContain("Status: Return to run");
    expect(text).toMatch(/Stage 3: run 2 min, walk 3 min, 6 times/);
    expect(text).toContain("Clamshell");
    expect(text).toMatch(/Glute bridge/i);
    expect(text).toContain("3 × 12");
    expect(summary.openAlerts.length).toBeGreaterThan(0);
    for (const a of summary.openAlerts.slice(0, 4)) expect(text).toContain(a.reason.slice(0, 30));
    expect(text).toContain("swelling");
    expect(text).toContain(summary.clinicName);
    expect(text).toContain(`Trainer: ${summary.trainerName}`);
    // the chart's axes, legend and its table (the weekly numbers of the same series as the page's chart)
    expect(text).toContain("Distance (km)");
    expect(text).toContain("Pain (0-10)");
    expect(text).toContain("Running distance (km), left axis");
    expect(text).toContain("Running pain, week's highest");
    // the chart's default range, 84 days to today: 12 Mon–Sun weeks, 13 when it starts mid-week
    expect(summary.weeks.length).toBe(today === addDays(summary.weeks[0]!.date, 83) ? 12 : 13);
    const ran = summary.weeks.filter((w) => w.runningDistanceM > 0);
    expect(ran.length).toBeGreaterThanOrEqual(9);
    for (const w of ran) expect(text).toContain((Math.round(w.runningDistanceM / 100) / 10).toFixed(1).replace(/\.0$/, ""));
  });

  it("stays one page when the lists are long, saying how many were left out", async () => {
    const busy = await makeAthlete(clinic, "Łukasz Ödön → very long name for a referral summary page header");
    const summary = await getReferralSummary(clinic, busy.athleteId);
    const many = { ...summary, openAlerts: Array.from({ length: 9 }, (_, i) => ({ from: addDays(today, -2), to: today, severity: "high" as const, reason: `Alert number ${i + 1}: ${"a long reason that goes on ".repeat(8)}` })), redFlags: Array.from({ length: 7 }, () => ({ date: today, label: "swelling" })) };
    const program = Array.from({ length: 14 }, (_, i) => ({ name: `Exercise ${i + 1}`, dosage: "3 × 10", daysPerWeek: 3, paused: false }));
    const verdict = `${"A verdict long enough to wrap onto a second line and beyond, ".repeat(6)}`;
    // the weeks of an athlete who ran, each with a cap: the chart's table at its tallest
    const weeks = (await getReferralSummary(clinic, athlete.athleteId)).weeks.map((w) => ({ ...w, weeklyCapM: 20000 }));
    const facts = { ...summary.athlete, birthYear: 1990, sportGroup: "Cross country, a group with a long name" };
    const pdf = await renderReferralPdf({ ...many, weeks, athlete: facts, program, earlierEpisodes: 3, returnToRun: { ladderName: "Return to run (run/walk)", stage: "Stage 8: run 40 min continuously — 40 min, of 8", verdict, paused: true }, prescription: { weeklyDistanceM: 30000, longestRunM: 10000 } });
    writeFileSync("/tmp/referral-summary-longest.pdf", pdf);
    const pages = await pdfPages(pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain("and 5 more"); // program: 9 shown, 5 more
    expect(pages[0]).toContain("and 3 more"); // alerts: 6 shown, 3 more
    expect(pages[0]).toContain("and 4 more"); // red flags: 3 shown, 4 more
    expect(pages[0]).toContain("Confidential"); // the footer is still on the page
    expect(pages[0]).toContain("Lukasz Ödön -> very long name");
  });

  it("any trainer of the clinic gets it; the athlete, another clinic's trainer and a bad id get 404; signed out 401", async () => {
    session = await makeTrainer(clinic);
    expect((await call(athlete.athleteId)).status).toBe(200);
    session = athlete;
    expect((await call(athlete.athleteId)).status).toBe(404);
    await expect(getReferralSummary(athlete, athlete.athleteId)).rejects.toMatchObject({ code: "not_found" });
    const other = await makeClinic("Other");
    session = other;
    const res = await call(athlete.athleteId);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("Rosa");
    await expect(getReferralSummary(other, athlete.athleteId)).rejects.toMatchObject({ code: "not_found" });
    session = clinic;
    expect((await call("not-a-uuid")).status).toBe(404);
    expect((await call(crypto.randomUUID())).status).toBe(404);
    session = null;
    expect((await call(athlete.athleteId)).status).toBe(401);
  });
});
