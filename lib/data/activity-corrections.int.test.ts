import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { parseActivityFile } from "@/lib/activity-import";
import { archiveActivity, getActivity, importActivity, recordActivity } from "@/lib/data/activities";
import { correctActivity } from "@/lib/data/activity-corrections";
import { addDays, todayIn } from "@/lib/domain/dates";
import { activityPatchSchema, activitySchema } from "@/lib/validation/reporting";
import { makeAthlete, makeClinic } from "@/tests/integration/factories";

const today = todayIn("Europe/London");
const run = (over: Record<string, unknown> = {}) =>
  activitySchema.parse({ clientId: crypto.randomUUID(), type: "run", date: today, startTime: "07:30", durationSec: 1800, distanceM: 6000, rpe: 5, painDuring: 2, painAfter: 3, ...over });
const patch = (p: unknown) => activityPatchSchema.parse(p);

describe("correcting an activity (the API's PATCH)", () => {
  it("changes only the fields sent, keeps the start time, and clears a field sent as null", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    const { activity } = await recordActivity(me, run({ note: "windy" }));
    const after = await correctActivity(me, activity.id, patch({ rpe: 7, painDuring: null }));
    expect(after).toMatchObject({ id: activity.id, rpe: 7, painDuring: null, painAfter: 3, distanceM: 6000, note: "windy", date: today });
    expect(after.startedAt.getTime()).toBe(activity.startedAt.getTime());
  });

  it("validates the merged activity: a run cannot lose its distance", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    const { activity } = await recordActivity(me, run());
    await expect(correctActivity(me, activity.id, patch({ distanceM: null }))).rejects.toMatchObject({ code: "invalid", fieldErrors: { distanceM: ["Enter the distance of the run."] } });
    // the same change on a bike session is fine
    const after = await correctActivity(me, activity.id, patch({ type: "bike", distanceM: null }));
    expect(after).toMatchObject({ type: "bike", distanceM: null });
  });

  it("refuses an empty patch, unknown fields and a blank pain (a blank is never a zero)", () => {
    expect(activityPatchSchema.safeParse({}).success).toBe(false);
    expect(activityPatchSchema.safeParse({ clientId: crypto.randomUUID() }).success).toBe(false);
    for (const bad of ["", " ", false, [], [5], "5", true]) expect(activityPatchSchema.safeParse({ painAfter: bad }).success, JSON.stringify(bad)).toBe(false);
  });

  it("an athlete corrects only their own entries within 7 days; a trainer any of the clinic, audited; another clinic sees nothing", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic, "Me");
    const other = await makeAthlete(clinic, "Other");
    const { activity: old } = await recordActivity(clinic, run({ athleteId: me.athleteId, date: addDays(today, -10) }));
    await expect(correctActivity(me, old.id, patch({ rpe: 3 }))).rejects.toMatchObject({ code: "conflict" });
    await expect(correctActivity(other, old.id, patch({ rpe: 3 }))).rejects.toMatchObject({ code: "not_found" });
    const stranger = await makeClinic("Stranger");
    await expect(correctActivity(stranger, old.id, patch({ rpe: 3 }))).rejects.toMatchObject({ code: "not_found" });
    await expect(archiveActivity(stranger, old.id)).rejects.toMatchObject({ code: "not_found" });
    const corrected = await correctActivity(clinic, old.id, patch({ rpe: 3 }));
    expect(corrected.rpe).toBe(3);
    const audits = await getDb().select().from(auditLog).where(and(eq(auditLog.entity, "activity"), eq(auditLog.entityId, old.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(["activity.created", "activity.updated"]);
    expect(audits.find((a) => a.action === "activity.updated")?.actorId).toBe(clinic.userId);
    await archiveActivity(clinic, old.id);
    await expect(getActivity(me, old.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(correctActivity(clinic, old.id, patch({ rpe: 4 }))).rejects.toMatchObject({ code: "not_found" });
  });

  it("a watch file's activity (entered by the trainer) keeps its type, date and start; its pain can be corrected", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    const file = readFileSync(path.join(process.cwd(), "test", "fixtures", "activities", "garmin-connect-run.gpx"));
    const parsed = parseActivityFile(file, "run.gpx");
    const { activity } = await importActivity(clinic, { athleteId: me.athleteId, clientId: crypto.randomUUID(), rpe: 4 }, parsed, "run.gpx");
    await expect(correctActivity(clinic, activity.id, patch({ date: addDays(activity.date, -1) }))).rejects.toMatchObject({ code: "invalid", fieldErrors: { date: expect.any(Array) } });
    const after = await correctActivity(clinic, activity.id, patch({ painAfter: 1, date: activity.date }));
    expect(after).toMatchObject({ painAfter: 1, date: activity.date, source: "file" });
  });
});
