import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { athleteStatusHistory, athletes, stageAssignments } from "@/db/schema";
import { updateAthlete } from "@/lib/data/athletes";
import { applyStageStep, startReturnToRun } from "@/lib/data/return-to-run";
import { getAthleteSeries } from "@/lib/data/series";
import { clearSeriesCache } from "@/lib/data/series-cache";
import { addDays, todayIn } from "@/lib/domain/dates";
import { BUILT_IN_RUN_LADDER, builtInStage, makeAthlete, makeClinic } from "@/tests/integration/factories";

// The chart's stage per day (DESIGN §2c, issue 19 item 6): the stage in force while the status is
// return to run, never stale after a step or a status change, whether or not the days were stored.
const today = todayIn("Europe/London");
const d = (k: number) => addDays(today, k);

beforeEach(() => clearSeriesCache());

const stages = async (scope: Parameters<typeof getAthleteSeries>[0], athleteId: string, from: number, bucket: "day" | "week" = "day") =>
  (await getAthleteSeries(scope, athleteId, { from: d(from), to: today, bucket })).rows.map((r) => r.stage);

describe("the return-to-run stage in the chart series", () => {
  it("is the stage in force each day while on the ladder, null before and after", async () => {
    const clinic = await makeClinic("Stage chart");
    const athlete = await makeAthlete(clinic, "Stage runner");
    const db = getDb();
    const base = { clinicId: clinic.clinicId, athleteId: athlete.athleteId, ladderId: BUILT_IN_RUN_LADDER, byTrainer: true, madeBy: clinic.userId, reason: "past step" };
    await db.update(athletes).set({ status: "return_to_run" }).where(eq(athletes.id, athlete.athleteId));
    await db.insert(athleteStatusHistory).values({ clinicId: clinic.clinicId, athleteId: athlete.athleteId, status: "return_to_run", fromDate: d(-5), createdAt: new Date(`${d(-5)}T08:00:00Z`) });
    await db.insert(stageAssignments).values([
      { ...base, stageId: builtInStage(2), date: d(-5), kind: "started", toStageNumber: 2, createdAt: new Date(`${d(-5)}T09:00:00Z`) },
      { ...base, stageId: builtInStage(3), date: d(-2), kind: "stepped_up", toStageNumber: 3, createdAt: new Date(`${d(-2)}T09:00:00Z`) },
    ]);
    expect(await stages(clinic, athlete.athleteId, -6)).toEqual([null, 2, 2, 2, 3, 3, 3]);
    // the athlete reads the same series (their /progress chart)
    expect(await stages(athlete, athlete.athleteId, -6)).toEqual([null, 2, 2, 2, 3, 3, 3]);

    // stored days (the reads above stored them) follow a step made today
    await applyStageStep(clinic, athlete.athleteId, { direction: "up", reason: "two clean sessions" });
    clearSeriesCache();
    expect(await stages(clinic, athlete.athleteId, -6)).toEqual([null, 2, 2, 2, 3, 3, 4]);

    // and a status change made without a stage assignment (the profile form): off the ladder from today
    await updateAthlete(clinic, athlete.athleteId, { status: "active" });
    clearSeriesCache();
    expect(await stages(clinic, athlete.athleteId, -6)).toEqual([null, 2, 2, 2, 3, 3, null]);
  });

  it("starts on the day the trainer puts the athlete on the ladder; a week row carries its last day's stage", async () => {
    const clinic = await makeClinic("Stage chart weeks");
    const athlete = await makeAthlete(clinic, "Week runner");
    expect((await stages(clinic, athlete.athleteId, -1)).at(-1)).toBeNull();
    await startReturnToRun(clinic, { athleteId: athlete.athleteId, ladderId: BUILT_IN_RUN_LADDER, stageId: builtInStage(4), reason: "cleared to start running" });
    clearSeriesCache();
    expect(await stages(clinic, athlete.athleteId, -1)).toEqual([null, 4]);
    expect((await stages(clinic, athlete.athleteId, -1, "week")).at(-1)).toBe(4);
  });
});
