import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { alerts } from "@/db/schema";
import { recordActivity } from "@/lib/data/activities";
import { correctActivity } from "@/lib/data/activity-corrections";
import { listAlerts } from "@/lib/data/alerts";
import { recordCheckIn } from "@/lib/data/check-ins";
import { addDays, todayIn } from "@/lib/domain/dates";
import { activitySchema } from "@/lib/validation/reporting";
import { makeAthlete, makeClinic } from "@/tests/integration/factories";

const today = todayIn("Europe/London");

describe("the numbers behind an alert (facts)", () => {
  it("are stored with the alert, follow a correction of the record, and an unchanged evaluation leaves the row alone", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    await recordCheckIn(me, { date: addDays(today, -1), morningPain: 1, redFlags: { locking: true }, tapeYesterday: false });
    const run = (km: number, date: string) =>
      activitySchema.parse({ clientId: crypto.randomUUID(), type: "run", date, startTime: "07:00", durationSec: 1800 + km * 60, distanceM: km * 1000, rpe: 4, painDuring: 2, painAfter: 6 });
    await recordActivity(me, run(8, addDays(today, -10)));
    const { activity: spike } = await recordActivity(me, run(10, addDays(today, -1)));

    const open = await listAlerts(clinic, { athleteId: me.athleteId });
    const facts = (kind: string) => open.find((a) => a.kind === kind)?.facts;
    expect(facts("red_flag")).toEqual({ kind: "red_flag", flag: "locking", urgent: true });
    expect(facts("running_pain")).toEqual({ kind: "running_pain", threshold: 5, activityId: spike.id, pain: 6, distanceM: 10_000 });
    expect(facts("run_spike")).toEqual({ kind: "run_spike", activityId: spike.id, distanceM: 10_000, longestM: 8_000, overPercent: 25 });

    const before = await getDb().select({ id: alerts.id, updatedAt: alerts.updatedAt }).from(alerts).where(eq(alerts.athleteId, me.athleteId));
    // the run was 11 km: the spike's numbers (and its sentence) change in place, same alert
    await correctActivity(clinic, spike.id, { distanceM: 11_000 });
    const after = await listAlerts(clinic, { athleteId: me.athleteId });
    const spikeAlert = after.find((a) => a.kind === "run_spike")!;
    expect(spikeAlert.facts).toEqual({ kind: "run_spike", activityId: spike.id, distanceM: 11_000, longestM: 8_000, overPercent: 37.5 });
    expect(spikeAlert.id).toBe(open.find((a) => a.kind === "run_spike")!.id);
    // the red flag's facts did not change: its row was not rewritten (jsonb key order is not a change)
    const flagRow = (rows: { id: string; updatedAt: Date }[]) => rows.find((r) => r.id === open.find((a) => a.kind === "red_flag")!.id)!;
    const rowsAfter = await getDb().select({ id: alerts.id, updatedAt: alerts.updatedAt }).from(alerts).where(eq(alerts.athleteId, me.athleteId));
    expect(flagRow(rowsAfter).updatedAt.getTime()).toBe(flagRow(before).updatedAt.getTime());
  });
});
