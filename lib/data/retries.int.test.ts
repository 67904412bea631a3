import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activities, checkIns, exerciseLogs } from "@/db/schema";
import { recordActivity } from "@/lib/data/activities";
import { recordCheckIn } from "@/lib/data/check-ins";
import { recordExerciseLog } from "@/lib/data/exercise-logs";
import { listExercises } from "@/lib/data/exercises";
import { addProgramItem } from "@/lib/data/programs";
import { addDays, todayIn } from "@/lib/domain/dates";
import { addItemSchema } from "@/lib/validation/programs";
import { activitySchema, checkInSchema, exerciseLogSchema } from "@/lib/validation/reporting";
import { ensureLibrary, makeAthlete, makeClinic } from "@/tests/integration/factories";

/** Issue 18 item 9: an idempotent retry answers with what was stored, whatever the date. */
const today = todayIn("Europe/London");

describe("a retry with a stored clientId answers with the stored row, whatever its date", () => {
  it("a check-in retried more than 7 days after its date: 200 with the stored row, nothing changed", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    const clientId = crypto.randomUUID();
    const date = addDays(today, -10);
    const first = await recordCheckIn(me, checkInSchema.parse({ date, morningPain: 3, clientId }));
    expect(first.created).toBe(true);
    // the retry carries other values (a stale form, a replayed request): it changes nothing
    const retry = await recordCheckIn(me, checkInSchema.parse({ date, morningPain: 0, clientId }));
    expect(retry.created).toBe(false);
    expect(retry.checkIn).toEqual(first.checkIn);
    const rows = await getDb().select().from(checkIns).where(eq(checkIns.athleteId, me.athleteId));
    expect(rows.map((r) => r.morningPain)).toEqual([3]);
    // a new submission for that date is still an edit the athlete may no longer make
    await expect(recordCheckIn(me, checkInSchema.parse({ date, morningPain: 1, clientId: crypto.randomUUID() }))).rejects.toMatchObject({ code: "conflict" });
  });

  it("the retry of an edit is recognised too (the row keeps the last writer's clientId)", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    await recordCheckIn(me, checkInSchema.parse({ morningPain: 2, clientId: crypto.randomUUID() }));
    const edit = crypto.randomUUID();
    const edited = await recordCheckIn(me, checkInSchema.parse({ morningPain: 4, clientId: edit }));
    const retry = await recordCheckIn(me, checkInSchema.parse({ morningPain: 4, clientId: edit }));
    expect(retry).toMatchObject({ created: false, checkIn: { id: edited.checkIn.id, morningPain: 4 } });
  });

  it("another athlete's clientId is not theirs to replay", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic, "Me");
    const other = await makeAthlete(clinic, "Other");
    const clientId = crypto.randomUUID();
    await recordCheckIn(me, checkInSchema.parse({ morningPain: 5, clientId }));
    const theirs = await recordCheckIn(other, checkInSchema.parse({ morningPain: 1, clientId }));
    expect(theirs).toMatchObject({ created: true, checkIn: { athleteId: other.athleteId, morningPain: 1 } });
  });

  it("an activity and an exercise log retried after their date left the reporting window: the stored rows", async () => {
    await ensureLibrary();
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    const input = activitySchema.parse({ clientId: crypto.randomUUID(), type: "run", date: today, durationSec: 1800, distanceM: 6000, rpe: 5 });
    const first = await recordActivity(me, input);
    // as if the first submit had been a year and a half ago (a phone that was off since)
    const old = addDays(today, -540);
    await getDb().update(activities).set({ date: old }).where(eq(activities.id, first.activity.id));
    const retry = await recordActivity(me, input);
    expect(retry).toMatchObject({ created: false, activity: { id: first.activity.id, date: old } });
    // a replay whose own date is now outside the window is still the stored row, not a refusal
    expect(await recordActivity(me, { ...input, date: old })).toMatchObject({ created: false, activity: { id: first.activity.id } });
    await expect(recordActivity(me, { ...input, clientId: crypto.randomUUID(), date: old })).rejects.toMatchObject({ code: "invalid" });

    const [exercise] = await listExercises(clinic, {});
    const { id: itemId } = await addProgramItem(clinic, addItemSchema.parse({ athleteId: me.athleteId, exerciseId: exercise!.id, sets: "3", reps: "10", daysPerWeek: "3" }));
    const log = exerciseLogSchema.parse({ clientId: crypto.randomUUID(), programItemId: itemId, setsDone: 3 });
    const stored = await recordExerciseLog(me, log);
    await getDb().update(exerciseLogs).set({ date: old }).where(eq(exerciseLogs.id, stored.log.id));
    expect(await recordExerciseLog(me, log)).toMatchObject({ created: false, log: { id: stored.log.id, date: old } });
  });
});
